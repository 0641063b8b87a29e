package org.replycast.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.replycast.auth.StructuredFields.InnerList;
import org.replycast.auth.StructuredFields.Item;
import org.replycast.auth.StructuredFields.Member;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The one signature of a request as its {@code Signature-Input} and {@code Signature} fields carry it (RFC
 * 9421 §4): the label the client chose, the covered components, the parameters and the signature bytes.
 * Reading it checks the syntax only; what the terminal protocol requires on top is the verifier's.
 *
 * @param keyId the {@code keyid} parameter, or null when absent
 * @param created the {@code created} parameter, or null when absent
 * @param expires the {@code expires} parameter, or null when absent
 * @param nonce the {@code nonce} parameter, or null when absent
 * @param algorithm the {@code alg} parameter, or null when absent
 * @param signatureParams the value of the {@code @signature-params} line of the signature base
 */
public record SignatureInput(
        String label,
        List<String> components,
        String keyId,
        Long created,
        Long expires,
        String nonce,
        String algorithm,
        String signatureParams,
        byte[] signature) {

    /** The derived components this server can put into a signature base. */
    static final Set<String> DERIVED_COMPONENTS =
            Set.of("@method", "@path", "@query", "@authority", "@scheme", "@target-uri", "@request-target");

    /** A field name as a component name: lower case, RFC 9110 token characters. */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");

    /**
     * Reads the request's signature.
     *
     * @throws ProblemException {@code signature-missing} when the fields are absent or malformed, carry other
     *     than exactly one signature under the same label, or name a component this server does not support
     */
    public static SignatureInput read(SignedRequest request) {
        Map<String, Member> inputs = dictionary(request, "signature-input");
        Map<String, Member> signatures = dictionary(request, "signature");
        if (inputs.isEmpty() || signatures.isEmpty()) {
            throw missing("Sign the request: send the Signature-Input and Signature fields of RFC 9421 with"
                    + " hmac-sha256 (see the terminal protocol, section 2).");
        }
        if (inputs.size() != 1 || signatures.size() != 1) {
            throw missing("Send exactly one signature: Signature-Input carries " + inputs.size() + " and Signature "
                    + signatures.size() + ".");
        }
        String label = inputs.keySet().iterator().next();
        if (!(signatures.get(label) instanceof Item item && item.value() instanceof byte[] signature)) {
            throw missing(
                    "Signature must carry a byte sequence under the label " + label + " that Signature-Input uses.");
        }
        if (!(inputs.get(label) instanceof InnerList covered)) {
            throw missing("Signature-Input's " + label + " must be an inner list of component names.");
        }
        Map<String, Object> parameters = covered.parameters();
        return new SignatureInput(
                label,
                components(covered),
                parameter(parameters, "keyid", String.class),
                parameter(parameters, "created", Long.class),
                parameter(parameters, "expires", Long.class),
                parameter(parameters, "nonce", String.class),
                parameter(parameters, "alg", String.class),
                StructuredFields.serialize(covered),
                signature);
    }

    public boolean covers(String component) {
        return components.contains(component);
    }

    private static Map<String, Member> dictionary(SignedRequest request, String field) {
        List<String> lines = request.field(field);
        try {
            return StructuredFields.parseDictionary(String.join(", ", lines));
        } catch (IllegalArgumentException malformed) {
            throw missing("The " + field + " field is not an RFC 8941 dictionary: " + malformed.getMessage() + ".");
        }
    }

    private static List<String> components(InnerList covered) {
        List<String> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item item : covered.items()) {
            if (!(item.value() instanceof String name) || !item.parameters().isEmpty()) {
                throw missing("Covered components must be plain strings such as \"@method\", without parameters.");
            }
            boolean supported = name.startsWith("@")
                    ? DERIVED_COMPONENTS.contains(name)
                    : FIELD_NAME.matcher(name).matches();
            if (!supported) {
                throw missing("The component \"" + name + "\" is not supported; use lower-case field names and "
                        + String.join(", ", DERIVED_COMPONENTS.stream().sorted().toList()) + ".");
            }
            if (!seen.add(name)) {
                throw missing("The component \"" + name + "\" is covered twice.");
            }
            components.add(name);
        }
        return List.copyOf(components);
    }

    private static <T> T parameter(Map<String, Object> parameters, String name, Class<T> type) {
        Object value = parameters.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw missing("The signature parameter " + name + " must be "
                    + (type == Long.class ? "an integer" : "a string") + ".");
        }
        return type.cast(value);
    }

    private static ProblemException missing(String detail) {
        return new ProblemException(ProblemType.SIGNATURE_MISSING, detail);
    }
}

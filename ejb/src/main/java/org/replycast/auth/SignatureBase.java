package org.replycast.auth;

import java.util.List;
import java.util.Locale;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The signature base of RFC 9421 §2.5: one line per covered component, {@code "name": value}, and last the
 * {@code "@signature-params"} line. Both the signer and the verifier compute it from the same message.
 */
final class SignatureBase {

    private SignatureBase() {}

    /**
     * Builds the signature base of a request for its signature.
     *
     * @throws ProblemException {@code signature-invalid} when a covered field is not in the request, so the
     *     request is not the one that was signed
     */
    static String of(SignedRequest request, SignatureInput signature) {
        StringBuilder base = new StringBuilder();
        for (String component : signature.components()) {
            base.append('"')
                    .append(component)
                    .append("\": ")
                    .append(value(request, component))
                    .append('\n');
        }
        return base.append("\"@signature-params\": ")
                .append(signature.signatureParams())
                .toString();
    }

    private static String value(SignedRequest request, String component) {
        return switch (component) {
            case "@method" -> request.method();
            case "@scheme" -> request.scheme().toLowerCase(Locale.ROOT);
            case "@authority" -> authority(request);
            case "@path" -> path(request);
            case "@query" -> "?" + (request.rawQuery() == null ? "" : request.rawQuery());
            case "@request-target" -> requestTarget(request);
            case "@target-uri" ->
                request.scheme().toLowerCase(Locale.ROOT) + "://" + authority(request) + requestTarget(request);
            default -> field(request, component);
        };
    }

    /** The authority as RFC 9110 §4.2.3 normalizes it: lower case, without the scheme's default port. */
    private static String authority(SignedRequest request) {
        String authority = request.authority().toLowerCase(Locale.ROOT);
        String defaultPort = request.scheme().equalsIgnoreCase("https") ? ":443" : ":80";
        return authority.endsWith(defaultPort)
                ? authority.substring(0, authority.length() - defaultPort.length())
                : authority;
    }

    private static String path(SignedRequest request) {
        return request.rawPath().isEmpty() ? "/" : request.rawPath();
    }

    private static String requestTarget(SignedRequest request) {
        return request.rawQuery() == null ? path(request) : path(request) + "?" + request.rawQuery();
    }

    /** A field's lines, each trimmed, joined with ", " (RFC 9421 §2.1). */
    private static String field(SignedRequest request, String name) {
        List<String> lines = request.field(name);
        if (lines.isEmpty()) {
            throw new ProblemException(
                    ProblemType.SIGNATURE_INVALID, "The signed field " + name + " is not in the request.");
        }
        return String.join(", ", lines.stream().map(String::strip).toList());
    }
}

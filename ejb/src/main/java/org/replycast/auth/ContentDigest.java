package org.replycast.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.replycast.auth.StructuredFields.Item;
import org.replycast.auth.StructuredFields.Member;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The {@code Content-Digest} field of RFC 9530: a dictionary of digests of the body, of which this server
 * checks {@code sha-256} and {@code sha-512}. Covered by the signature, it makes the signature cover the body.
 */
final class ContentDigest {

    private static final Map<String, String> ALGORITHMS = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

    private ContentDigest() {}

    /**
     * Tells whether every sha-256 and sha-512 digest in the field matches the body.
     *
     * @throws ProblemException {@code signature-missing} when the field is malformed or carries neither
     */
    static boolean matches(String field, byte[] body) {
        Map<String, Member> digests;
        try {
            digests = StructuredFields.parseDictionary(field);
        } catch (IllegalArgumentException malformed) {
            throw missing("Content-Digest is not an RFC 8941 dictionary: " + malformed.getMessage() + ".");
        }
        boolean checked = false;
        for (Map.Entry<String, String> algorithm : ALGORITHMS.entrySet()) {
            Member member = digests.get(algorithm.getKey());
            if (member == null) {
                continue;
            }
            if (!(member instanceof Item item && item.value() instanceof byte[] digest)) {
                throw missing("Content-Digest's " + algorithm.getKey() + " must be a byte sequence (:base64:).");
            }
            if (!MessageDigest.isEqual(digest, digest(algorithm.getValue(), body))) {
                return false;
            }
            checked = true;
        }
        if (!checked) {
            throw missing("Content-Digest must carry sha-256 (or sha-512) of the body.");
        }
        return true;
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }

    private static ProblemException missing(String detail) {
        return new ProblemException(ProblemType.SIGNATURE_MISSING, detail);
    }
}

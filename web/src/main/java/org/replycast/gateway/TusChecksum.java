package org.replycast.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Upload-Checksum} header of a tus {@code PATCH} (the checksum extension): an algorithm and the
 * Base64 digest of the request's body. The gateway accepts the body only if the digest matches.
 */
record TusChecksum(String algorithm, byte[] expected) {

    /** tus names for the JDK's algorithms; {@code sha1} is required by the protocol, {@code sha256} offered. */
    static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    /** The value of {@code Tus-Checksum-Algorithm}. */
    static final String ADVERTISED = "sha1,sha256";

    /**
     * Reads the header.
     *
     * @throws IllegalArgumentException for an unknown algorithm or a digest that is not Base64 of the
     *     algorithm's length (tus answers both with 400)
     */
    static TusChecksum parse(String header) {
        String[] parts = header.strip().split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Upload-Checksum must be an algorithm and a Base64 digest");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.containsKey(algorithm)) {
            throw new IllegalArgumentException(
                    "Upload-Checksum algorithm " + parts[0] + " is not supported; use one of " + ADVERTISED);
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Upload-Checksum digest is not Base64");
        }
        TusChecksum checksum = new TusChecksum(algorithm, expected);
        if (expected.length != checksum.newDigest().getDigestLength()) {
            throw new IllegalArgumentException("Upload-Checksum digest is not as long as a " + algorithm + " digest");
        }
        return checksum;
    }

    /** A fresh digest to feed the body through. */
    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** Whether the digest of the whole body, as fed, is the expected one (in constant time). */
    boolean matches(MessageDigest fed) {
        return MessageDigest.isEqual(expected, fed.digest());
    }
}

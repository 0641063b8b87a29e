package org.replycast.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline of the signed-request benchmark: HMAC-SHA256 alone, with the key already in a {@code Mac},
 * over a signature base of the size and shape of a terminal's {@code GET /api/v1/channels}. No server can
 * verify signed requests faster than this on the same cores.
 */
final class HmacBaseline {

    /** What a terminal signs for {@code GET /api/v1/channels} (PROTOCOL.md section 2), 183 bytes. */
    static final byte[] TYPICAL_SIGNATURE_BASE = ("\"@method\": GET\n"
                    + "\"@path\": /api/v1/channels\n"
                    + "\"@signature-params\": (\"@method\" \"@path\");created=1767225600;"
                    + "nonce=\"5f2b9c1e8a7d4e3f90a1b2c3d4e5f607\";keyid=\"T-3f9a1c2b-7d4e\";alg=\"hmac-sha256\"")
            .getBytes(StandardCharsets.US_ASCII);

    private HmacBaseline() {}

    static double opsPerSecond(int threads, Duration duration) {
        return OperationRate.perSecond(threads, duration, HmacBaseline::operation);
    }

    private static Runnable operation() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] sink = new byte[1];
        return () -> sink[0] ^= mac.doFinal(TYPICAL_SIGNATURE_BASE)[0];
    }
}

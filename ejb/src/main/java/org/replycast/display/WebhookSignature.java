package org.replycast.display;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Replycast-Signature} header of a webhook: {@code t=<unix seconds>,v1=<hex>}, where the hex is
 * the HMAC-SHA256, keyed with the channel's forwarding secret (its text's ASCII bytes), of the time, a dot
 * and the body's exact bytes. The time in the signed text lets a receiver refuse an old request replayed.
 */
public final class WebhookSignature {

    public static final String HEADER = "Replycast-Signature";

    private WebhookSignature() {}

    /** The header's value for the body sent at the given time. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}

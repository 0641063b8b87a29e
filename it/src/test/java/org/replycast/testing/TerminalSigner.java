package org.replycast.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as a terminal does (PROTOCOL.md section 2), written from the protocol and RFC 9421 and
 * independent of the server's code: hmac-sha256 over {@code @method}, {@code @path}, {@code @query} when there
 * is a query and {@code content-digest} when there is a body, with keyid, created and a fresh nonce.
 */
public final class TerminalSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String terminalId;
    private final String secret;

    /** @param secret the terminal's secret as the server gave it: base64url */
    public TerminalSigner(String terminalId, String secret) {
        this.terminalId = terminalId;
        this.secret = secret;
    }

    public String terminalId() {
        return terminalId;
    }

    /** The secret as the server gave it, for another client that signs as this terminal. */
    public String secret() {
        return secret;
    }

    /** The header fields that sign a request, as name-value pairs for {@link ApiClient}. */
    public record Signature(String signatureInput, String signature, String contentDigest) {

        public String[] headers() {
            List<String> headers = new ArrayList<>(List.of("Signature-Input", signatureInput, "Signature", signature));
            if (contentDigest != null) {
                headers.addAll(List.of("Content-Digest", contentDigest));
            }
            return headers.toArray(String[]::new);
        }
    }

    /** Signs now, with a fresh nonce, under the label {@code sig1}. */
    public Signature sign(String method, URI uri, byte[] body) {
        return sign(method, uri, body, Instant.now(), newNonce(), "sig1");
    }

    /** Signs with the given time, nonce and label, as a terminal with its own clock and choices would. */
    public Signature sign(String method, URI uri, byte[] body, Instant created, String nonce, String label) {
        List<String> components = new ArrayList<>(List.of("@method", "@path"));
        StringBuilder base = new StringBuilder()
                .append("\"@method\": ")
                .append(method)
                .append("\n\"@path\": ")
                .append(uri.getRawPath())
                .append('\n');
        if (uri.getRawQuery() != null) {
            components.add("@query");
            base.append("\"@query\": ?").append(uri.getRawQuery()).append('\n');
        }
        String contentDigest = null;
        if (body != null && body.length > 0) {
            contentDigest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
            components.add("content-digest");
            base.append("\"content-digest\": ").append(contentDigest).append('\n');
        }
        String params = "("
                + String.join(" ", components.stream().map(c -> "\"" + c + "\"").toList()) + ")"
                + ";created=" + created.getEpochSecond() + ";nonce=\"" + nonce + "\";keyid=\"" + terminalId
                + "\";alg=\"hmac-sha256\"";
        base.append("\"@signature-params\": ").append(params);
        return new Signature(
                label + "=" + params,
                label + "=:" + Base64.getEncoder().encodeToString(hmac(base.toString())) + ":",
                contentDigest);
    }

    public static String newNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    private byte[] hmac(String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
            return mac.doFinal(base.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

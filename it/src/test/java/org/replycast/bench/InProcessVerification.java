package org.replycast.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.replycast.auth.MessageSignatureVerifier;
import org.replycast.auth.SignatureInput;
import org.replycast.auth.SignedRequest;
import org.replycast.testing.TerminalSigner;

/**
 * The server's own verification code run in process, without HTTP, database or caches: reading {@code
 * Signature-Input} and {@code Signature} (RFC 8941 parsing), the protocol checks, the signature base, the
 * HMAC with a key set up per request as the server does it, and the time check. It shows how much of a
 * verified request's cost is the verifier itself.
 */
final class InProcessVerification {

    private static final Duration ALLOWED_SKEW = Duration.ofSeconds(30);

    private InProcessVerification() {}

    static double opsPerSecond(int threads, Duration duration) {
        return OperationRate.perSecond(threads, duration, InProcessVerification::operation);
    }

    /** One terminal's signed {@code GET /api/v1/channels}, verified again and again as received. */
    private static Runnable operation() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        TerminalSigner terminal = new TerminalSigner(
                "T-3f9a1c2b-7d4e", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        String[] headers = terminal.sign("GET", URI.create("http://localhost:8080/api/v1/channels"), null)
                .headers();
        Map<String, List<String>> fields = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            fields.put(headers[i].toLowerCase(Locale.ROOT), List.of(headers[i + 1]));
        }
        SignedRequest request =
                new SignedRequest("GET", "http", "localhost:8080", "/api/v1/channels", null, fields::get, null);
        MessageSignatureVerifier verifier = new MessageSignatureVerifier(Clock.systemUTC(), ALLOWED_SKEW);
        return () -> {
            SignatureInput signature = SignatureInput.read(request);
            verifier.requireProtocol(request, signature);
            verifier.verify(request, signature, secret);
            verifier.requireFresh(signature);
        };
    }
}

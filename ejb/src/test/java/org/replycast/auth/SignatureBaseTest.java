package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** The signature base of RFC 9421 §2.5, checked against the RFC's own test vectors. */
class SignatureBaseTest {

    /** RFC 9421 Appendix B.1.5, test-shared-secret. */
    private static final byte[] TEST_SHARED_SECRET = Base64.getDecoder()
            .decode("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==");

    /** RFC 9421 Appendix B.2, test-request, with the signature of B.2.5 added. */
    private static SignedRequest testRequest(String signatureInput, String signature) {
        Map<String, List<String>> fields = Map.of(
                "host", List.of("example.com"),
                "date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"),
                "content-type", List.of("application/json"),
                "content-digest",
                        List.of(
                                "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"),
                "content-length", List.of("18"),
                "signature-input", List.of(signatureInput),
                "signature", List.of(signature));
        return new SignedRequest(
                "POST",
                "https",
                "example.com",
                "/foo",
                "param=Value&Pet=dog",
                fields::get,
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rfc9421AppendixB25HmacSha256() {
        SignedRequest request = testRequest(
                "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"",
                "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:");
        SignatureInput signature = SignatureInput.read(request);

        String base = SignatureBase.of(request, signature);

        assertEquals(
                """
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@authority": example.com
                "content-type": application/json
                "@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret\"""",
                base);
        assertEquals("sig-b25", signature.label());
        assertArrayEquals(signature.signature(), MessageSignatureVerifier.hmacSha256(TEST_SHARED_SECRET, base));
        assertArrayEquals(
                Base64.getDecoder().decode("pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8="),
                MessageSignatureVerifier.hmacSha256(TEST_SHARED_SECRET, base));
        Clock then = Clock.fixed(Instant.ofEpochSecond(1618884473), ZoneOffset.UTC);
        new MessageSignatureVerifier(then, Duration.ofSeconds(30)).verify(request, signature, TEST_SHARED_SECRET);
    }

    @Test
    void derivedComponentsOfTheTestRequest() {
        SignedRequest request = testRequest(
                "sig1=(\"@method\" \"@scheme\" \"@authority\" \"@path\" \"@query\" \"@target-uri\""
                        + " \"@request-target\" \"content-digest\");created=1618884473;keyid=\"k\"",
                "sig1=:AAAA:");

        assertEquals(
                """
                "@method": POST
                "@scheme": https
                "@authority": example.com
                "@path": /foo
                "@query": ?param=Value&Pet=dog
                "@target-uri": https://example.com/foo?param=Value&Pet=dog
                "@request-target": /foo?param=Value&Pet=dog
                "content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:
                "@signature-params": ("@method" "@scheme" "@authority" "@path" "@query" "@target-uri" \
                "@request-target" "content-digest");created=1618884473;keyid="k\"""",
                SignatureBase.of(request, SignatureInput.read(request)));
    }

    @Test
    void anEmptyQueryIsAQuestionMarkAndTheDefaultPortIsLeftOut() {
        Map<String, List<String>> fields = Map.of(
                "signature-input", List.of("s=(\"@query\" \"@authority\" \"@target-uri\");created=1"),
                "signature", List.of("s=:AAAA:"));
        SignedRequest request = new SignedRequest("GET", "HTTP", "Example.COM:80", "/a%20b", null, fields::get, null);

        assertEquals(
                """
                "@query": ?
                "@authority": example.com
                "@target-uri": http://example.com/a%20b
                "@signature-params": ("@query" "@authority" "@target-uri");created=1""",
                SignatureBase.of(request, SignatureInput.read(request)));
    }

    @Test
    void fieldLinesAreTrimmedAndJoinedWithACommaAndSpace() {
        Map<String, List<String>> fields = Map.of(
                "x-list", List.of("  a, b ", "c\t"),
                "signature-input", List.of("s=(\"x-list\")"),
                "signature", List.of("s=:AAAA:"));
        SignedRequest request = new SignedRequest("GET", "http", "h", "/", null, fields::get, null);

        assertEquals(
                "\"x-list\": a, b, c\n\"@signature-params\": (\"x-list\")",
                SignatureBase.of(request, SignatureInput.read(request)));
    }

    @Test
    void parametersKeepTheirReceivedOrderInCanonicalForm() {
        Map<String, List<String>> fields = Map.of(
                "signature-input",
                        List.of(
                                "s=( \"@method\"   \"@path\" );nonce=\"n\\\"q\";created=5;alg=\"hmac-sha256\";keyid=\"T-1\""),
                "signature", List.of("s=:AAAA:"));
        SignedRequest request = new SignedRequest("GET", "http", "h", "/x", null, fields::get, null);

        assertEquals(
                "(\"@method\" \"@path\");nonce=\"n\\\"q\";created=5;alg=\"hmac-sha256\";keyid=\"T-1\"",
                SignatureInput.read(request).signatureParams());
    }

    @Test
    void aCoveredFieldThatTheRequestLacksDoesNotVerify() {
        Map<String, List<String>> fields =
                Map.of("signature-input", List.of("s=(\"@method\" \"x-signed\")"), "signature", List.of("s=:AAAA:"));
        SignedRequest request = new SignedRequest("GET", "http", "h", "/", null, fields::get, null);
        SignatureInput signature = SignatureInput.read(request);

        ProblemException refused = assertThrows(ProblemException.class, () -> SignatureBase.of(request, signature));
        assertEquals(ProblemType.SIGNATURE_INVALID, refused.type());
    }
}

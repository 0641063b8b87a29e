package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** What the terminal protocol (section 2) asks of a signed request, refusal by refusal. */
class MessageSignatureVerifierTest {

    private static final long NOW = 1_767_225_600L;
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String NONCE = "5f2b9c1e8a7d4e3f";

    private final MessageSignatureVerifier verifier = new MessageSignatureVerifier(
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofSeconds(30));

    /** A request as a terminal would send it, signed with the given input parameters and key. */
    private static final class Request {
        String method = "GET";
        String path = "/api/v1/channels";
        String query;
        byte[] body = new byte[0];
        String label = "sig1";
        String components = "\"@method\" \"@path\"";
        String parameters = ";created=" + NOW + ";nonce=\"" + NONCE + "\";keyid=\"T-1001\";alg=\"hmac-sha256\"";
        final Map<String, List<String>> fields = new HashMap<>();

        Request withBody(String json) {
            method = "POST";
            body = json.getBytes(StandardCharsets.UTF_8);
            components = "\"@method\" \"@path\" \"content-digest\"";
            fields.put("content-type", List.of("application/json"));
            fields.put("content-digest", List.of("sha-256=:" + sha256(body) + ":"));
            return this;
        }

        SignedRequest signedWith(byte[] key) {
            fields.put("signature-input", List.of(label + "=(" + components + ")" + parameters));
            fields.put("signature", List.of(label + "=:AAAA:"));
            SignedRequest unsigned = build();
            String base = SignatureBase.of(unsigned, SignatureInput.read(unsigned));
            String signature = Base64.getEncoder().encodeToString(MessageSignatureVerifier.hmacSha256(key, base));
            fields.put("signature", List.of(label + "=:" + signature + ":"));
            return build();
        }

        SignedRequest build() {
            Map<String, List<String>> copy = Map.copyOf(fields);
            return new SignedRequest(method, "http", "localhost:8080", path, query, copy::get, body);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void authenticate(SignedRequest request, byte[] key) {
        SignatureInput signature = SignatureInput.read(request);
        verifier.requireProtocol(request, signature);
        verifier.verify(request, signature, key);
        verifier.requireFresh(signature);
    }

    private static void assertRefused(ProblemType expected, Executable action) {
        ProblemException refused = assertThrows(ProblemException.class, action);
        assertEquals(expected, refused.type(), refused.detail());
    }

    @Test
    void aSignedGetIsAccepted() {
        assertDoesNotThrow(() -> authenticate(new Request().signedWith(SECRET), SECRET));
    }

    @Test
    void theLabelIsTheClientsChoice() {
        Request request = new Request();
        request.label = "replycast-terminal";

        assertDoesNotThrow(() -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void aSignedPostWithItsContentDigestIsAccepted() {
        assertDoesNotThrow(
                () -> authenticate(new Request().withBody("{\"a\":1}").signedWith(SECRET), SECRET));
    }

    @Test
    void aSha512ContentDigestIsAcceptedToo() throws Exception {
        Request request = new Request().withBody("{\"a\":1}");
        request.fields.put(
                "content-digest",
                List.of("sha-512=:"
                        + Base64.getEncoder()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-512").digest(request.body))
                        + ":"));

        assertDoesNotThrow(() -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void anUnsignedRequestIsSignatureMissing() {
        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(new Request().build(), SECRET));
    }

    @Test
    void malformedFieldsAreSignatureMissing() {
        for (String[] malformed : new String[][] {
            {"sig1=(\"@method\" \"@path\";created=1", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@path\");created=1,", "sig1=:AAAA:"},
            {"Sig1=(\"@method\")", "Sig1=:AAAA:"},
            {"sig1=(\"@method\");created=\"yesterday\";keyid=\"T-1\";nonce=\"" + NONCE + "\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@path\");created=1", "sig1=:not base64!:"},
            {"sig1=(\"@method\" \"@path\");created=1", "sig1=\"a string\""},
            {"sig1=\"@method\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@method\" \"@path\")", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@path\" \"@status\")", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@path\" \"Content-Type\")", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@path\" \"@query-param\";name=\"x\")", "sig1=:AAAA:"},
        }) {
            Request request = new Request();
            request.fields.put("signature-input", List.of(malformed[0]));
            request.fields.put("signature", List.of(malformed[1]));
            assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.build(), SECRET));
        }
    }

    @Test
    void exactlyOneSignatureUnderOneLabel() {
        Request two = new Request();
        SignedRequest signed = two.signedWith(SECRET);
        two.fields.put(
                "signature-input", List.of(signed.field("signature-input").get(0), "sig2=(\"@method\")"));
        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(two.build(), SECRET));

        Request otherLabel = new Request();
        otherLabel.signedWith(SECRET);
        otherLabel.fields.put(
                "signature", List.of(otherLabel.fields.get("signature").get(0).replace("sig1=", "sig2=")));
        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(otherLabel.build(), SECRET));
    }

    @Test
    void onlyHmacSha256() {
        Request request = new Request();
        request.parameters = request.parameters.replace("hmac-sha256", "ed25519");

        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void theAlgorithmParameterMayBeLeftOut() {
        Request request = new Request();
        request.parameters = request.parameters.replace(";alg=\"hmac-sha256\"", "");

        assertDoesNotThrow(() -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void methodAndPathMustBeCovered() {
        for (String components : List.of("\"@path\"", "\"@method\"", "\"@method\" \"@request-target\"")) {
            Request request = new Request();
            request.components = components;
            assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));
        }
    }

    @Test
    void aQueryMustBeCovered() {
        Request request = new Request();
        request.query = "state=RINGING";
        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));

        request.components = "\"@method\" \"@path\" \"@query\"";
        assertDoesNotThrow(() -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void aBodyMustBeCoveredByContentDigest() {
        Request request = new Request().withBody("{\"a\":1}");
        request.components = "\"@method\" \"@path\" \"content-type\"";

        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void keyidCreatedAndANonceOfSixteenCharactersAreRequired() {
        for (String parameters : List.of(
                ";created=" + NOW + ";nonce=\"" + NONCE + "\"",
                ";created=" + NOW + ";nonce=\"" + NONCE + "\";keyid=\"T 1001\"",
                ";nonce=\"" + NONCE + "\";keyid=\"T-1001\"",
                ";created=" + NOW + ";keyid=\"T-1001\"",
                ";created=" + NOW + ";nonce=\"fifteen-chars15\";keyid=\"T-1001\"")) {
            Request request = new Request();
            request.parameters = parameters;
            assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));
        }
    }

    @Test
    void aWrongKeyIsSignatureInvalid() {
        byte[] otherKey = "another secret of thirty-two b..".getBytes(StandardCharsets.US_ASCII);
        ProblemException refused =
                assertThrows(ProblemException.class, () -> authenticate(new Request().signedWith(otherKey), SECRET));

        assertEquals(ProblemType.SIGNATURE_INVALID, refused.type());
        assertEquals(MessageSignatureVerifier.invalidSignature().detail(), refused.detail());
    }

    @Test
    void aRequestChangedAfterSigningIsSignatureInvalid() {
        Request pathChanged = new Request();
        pathChanged.signedWith(SECRET);
        pathChanged.path = "/api/v1/calls";
        assertRefused(ProblemType.SIGNATURE_INVALID, () -> authenticate(pathChanged.build(), SECRET));

        Request methodChanged = new Request();
        methodChanged.signedWith(SECRET);
        methodChanged.method = "DELETE";
        assertRefused(ProblemType.SIGNATURE_INVALID, () -> authenticate(methodChanged.build(), SECRET));
    }

    @Test
    void aBodyThatDoesNotMatchItsDigestIsSignatureInvalid() {
        Request request = new Request().withBody("{\"channelId\":\"hall-1\"}");
        request.signedWith(SECRET);
        request.body = "{\"channelId\":\"hall-2\"}".getBytes(StandardCharsets.UTF_8);

        assertRefused(ProblemType.SIGNATURE_INVALID, () -> authenticate(request.build(), SECRET));
    }

    @Test
    void aContentDigestWithoutSha256OrSha512IsSignatureMissing() {
        Request request = new Request().withBody("{}");
        request.fields.put("content-digest", List.of("md5=:AAAA:"));

        assertRefused(ProblemType.SIGNATURE_MISSING, () -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void createdMoreThanTheSkewAwayEitherWayIsClockSkew() {
        for (long created : new long[] {NOW - 31, NOW + 31}) {
            Request request = new Request();
            request.parameters = request.parameters.replace("created=" + NOW, "created=" + created);
            assertRefused(ProblemType.CLOCK_SKEW, () -> authenticate(request.signedWith(SECRET), SECRET));
        }
        for (long created : new long[] {NOW - 30, NOW + 30}) {
            Request request = new Request();
            request.parameters = request.parameters.replace("created=" + NOW, "created=" + created);
            assertDoesNotThrow(() -> authenticate(request.signedWith(SECRET), SECRET));
        }
    }

    @Test
    void anExpiredSignatureIsClockSkew() {
        Request request = new Request();
        request.parameters += ";expires=" + (NOW - 31);

        assertRefused(ProblemType.CLOCK_SKEW, () -> authenticate(request.signedWith(SECRET), SECRET));
    }

    @Test
    void aNonceIsRememberedUntilTheSignatureWouldBeTooOld() {
        SignatureInput now = SignatureInput.read(new Request().signedWith(SECRET));
        assertEquals(Duration.ofSeconds(31), verifier.replayWindow(now));

        Request old = new Request();
        old.parameters = old.parameters.replace("created=" + NOW, "created=" + (NOW - 30));
        assertEquals(Duration.ofSeconds(1), verifier.replayWindow(SignatureInput.read(old.signedWith(SECRET))));
        assertTrue(verifier.replayWindow(now).compareTo(Duration.ofSeconds(61)) <= 0);
    }
}

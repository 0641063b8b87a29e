package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.EchoResource;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.NodeTerminal;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * Signed terminal requests over real HTTP against the real EAR: what is accepted, each refusal of the
 * protocol's section 2 with its status and code, and a request signed by an independent RFC 9421 client.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class SignedRequestsIT {

    private static final String CHANNELS = "api/v1/channels";
    private static final String ECHO = "api/v1/it/echo";
    private static final byte[] BODY = "{\"channelId\":\"hall-1\"}".getBytes(StandardCharsets.UTF_8);

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestResources(EchoResource.class);
    }

    private static URI uri(String path) {
        return ApiClient.baseUri().resolve(path);
    }

    private HttpResponse<String> signedGet(TerminalSigner terminal, String path) {
        return api.get(path, terminal.sign("GET", uri(path), null).headers());
    }

    private HttpResponse<String> signedPost(TerminalSigner terminal, String path, byte[] body) {
        return api.sendBytes(
                "POST",
                path,
                "application/json",
                body,
                terminal.sign("POST", uri(path), body).headers());
    }

    private long version(TerminalSigner terminal) {
        return TestTerminals.show(api, terminal.terminalId())
                .getJsonNumber("version")
                .longValue();
    }

    /** Nothing of the terminal changed, and it is still let in with a correct request. */
    private void assertUnchanged(TerminalSigner terminal, long versionBefore) {
        assertEquals(versionBefore, version(terminal));
        assertEquals(200, signedGet(terminal, CHANNELS).statusCode());
    }

    @Test
    void aSignedListOfChannelsIsServed() {
        TerminalSigner terminal = TestTerminals.register(api);

        HttpResponse<String> response = signedGet(terminal, CHANNELS);

        assertEquals(200, response.statusCode(), response.body());
        ApiClient.json(response).asJsonArray();
    }

    @Test
    void aTerminalLearnsItsIdAndTheServersClock() {
        TerminalSigner terminal = TestTerminals.register(api);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = signedGet(terminal, "api/v1/terminal");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject self = ApiClient.object(response);
        assertEquals(terminal.terminalId(), self.getString("terminalId"));
        Instant serverTime = Instant.parse(self.getString("serverTime"));
        assertFalse(
                serverTime.isBefore(before) || serverTime.isAfter(Instant.now().plusSeconds(1)), serverTime.toString());
        assertProblem(api.get("api/v1/terminal"), 401, "signature-missing");
    }

    @Test
    void theResourceSeesTheSigningTerminalAndTheWholeBody() throws Exception {
        TerminalSigner terminal = TestTerminals.register(api);

        HttpResponse<String> response = signedPost(terminal, ECHO, BODY);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject echo = ApiClient.object(response);
        assertEquals(terminal.terminalId(), echo.getString("terminalId"));
        assertTrue(echo.getBoolean("inTerminalRole"));
        assertEquals(
                Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(BODY)),
                echo.getString("bodySha256"));
    }

    @Test
    void aQueryIsSignedToo() {
        TerminalSigner terminal = TestTerminals.register(api);

        assertEquals(200, signedGet(terminal, ECHO + "?state=RINGING&x=a%20b").statusCode());
    }

    @Test
    void theLabelIsTheTerminalsChoice() {
        TerminalSigner terminal = TestTerminals.register(api);
        var signature = terminal.sign("GET", uri(CHANNELS), null, Instant.now(), TerminalSigner.newNonce(), "tablet");

        assertEquals(200, api.get(CHANNELS, signature.headers()).statusCode());
    }

    @Test
    void anUnsignedRequestIsSignatureMissingWhateverThePath() {
        assertProblem(api.get(CHANNELS), 401, "signature-missing");
        assertProblem(api.get("api/v1/no-such-thing"), 401, "signature-missing");
    }

    @Test
    void aMalformedSignatureIsSignatureMissing() {
        TerminalSigner terminal = TestTerminals.register(api);
        var valid = terminal.sign("GET", uri(CHANNELS), null);

        assertProblem(
                api.get(CHANNELS, "Signature-Input", "sig1=(\"@method\" \"@path\"", "Signature", valid.signature()),
                401,
                "signature-missing");
        assertProblem(
                api.get(CHANNELS, "Signature-Input", valid.signatureInput(), "Signature", "sig1=:not base64:"),
                401,
                "signature-missing");
        assertProblem(
                api.get(
                        CHANNELS,
                        "Signature-Input",
                        valid.signatureInput(),
                        "Signature",
                        valid.signature().replace("sig1=", "sig2=")),
                401,
                "signature-missing");
    }

    @Test
    void aSignatureWithoutARequiredPartIsSignatureMissing() {
        TerminalSigner terminal = TestTerminals.register(api);
        long version = version(terminal);

        var shortNonce = terminal.sign("GET", uri(CHANNELS), null, Instant.now(), "0123456789abcde", "sig1");
        assertProblem(api.get(CHANNELS, shortNonce.headers()), 401, "signature-missing");

        String query = CHANNELS + "?state=LIVE";
        var withoutQuery = terminal.sign("GET", uri(CHANNELS), null);
        assertProblem(api.get(query, withoutQuery.headers()), 401, "signature-missing");

        var withoutDigest = terminal.sign("POST", uri(ECHO), null);
        assertProblem(
                api.sendBytes("POST", ECHO, "application/json", BODY, withoutDigest.headers()),
                401,
                "signature-missing");
        assertUnchanged(terminal, version);
    }

    @Test
    void aWrongSignatureAndAnUnknownKeyidGetTheSameAnswer() {
        TerminalSigner terminal = TestTerminals.register(api);
        String otherSecret = TestTerminals.register(api).secret();
        long version = version(terminal);

        HttpResponse<String> wrong = signedGet(new TerminalSigner(terminal.terminalId(), otherSecret), CHANNELS);
        HttpResponse<String> unknown =
                signedGet(new TerminalSigner("T-unknown-" + UUID.randomUUID(), otherSecret), CHANNELS);

        assertProblem(wrong, 401, "signature-invalid");
        assertProblem(unknown, 401, "signature-invalid");
        assertEquals(wrong.body(), unknown.body());
        assertUnchanged(terminal, version);
    }

    @Test
    void aRequestChangedAfterSigningIsSignatureInvalid() {
        TerminalSigner terminal = TestTerminals.register(api);

        var signedForChannels = terminal.sign("GET", uri(CHANNELS), null);
        assertProblem(api.get(ECHO, signedForChannels.headers()), 401, "signature-invalid");
    }

    @Test
    void aBodyThatDoesNotMatchItsDigestIsSignatureInvalid() {
        TerminalSigner terminal = TestTerminals.register(api);
        long version = version(terminal);
        var signature = terminal.sign("POST", uri(ECHO), BODY);

        HttpResponse<String> response = api.sendBytes(
                "POST",
                ECHO,
                "application/json",
                "{\"channelId\":\"hall-2\"}".getBytes(StandardCharsets.UTF_8),
                signature.headers());

        assertProblem(response, 401, "signature-invalid");
        assertUnchanged(terminal, version);
    }

    @Test
    void createdMoreThanThirtySecondsAwayEitherWayIsClockSkew() {
        TerminalSigner terminal = TestTerminals.register(api);
        long version = version(terminal);

        for (Instant created :
                List.of(Instant.now().minusSeconds(90), Instant.now().plusSeconds(90))) {
            var signature = terminal.sign("GET", uri(CHANNELS), null, created, TerminalSigner.newNonce(), "sig1");
            assertProblem(api.get(CHANNELS, signature.headers()), 401, "clock-skew");
        }
        assertUnchanged(terminal, version);
    }

    @Test
    void aReplayedNonceIsRefused() {
        TerminalSigner terminal = TestTerminals.register(api);
        var signature = terminal.sign("GET", uri(CHANNELS), null);

        assertEquals(200, api.get(CHANNELS, signature.headers()).statusCode());
        assertProblem(api.get(CHANNELS, signature.headers()), 401, "replayed");
    }

    @Test
    void ofIdenticalRequestsSentAtTheSameMomentExactlyOneIsAccepted() throws Exception {
        TerminalSigner terminal = TestTerminals.register(api);
        var signature = terminal.sign("GET", uri(CHANNELS), null);
        int senders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return api.get(CHANNELS, signature.headers());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                answers.add(response.get());
            }

            assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count(), answers.toString());
            answers.stream().filter(r -> r.statusCode() != 200).forEach(r -> assertProblem(r, 401, "replayed"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDisabledTerminalIsForbidden() {
        TerminalSigner disabled = TestTerminals.register(api);
        TestTerminals.setEnabled(api, disabled.terminalId(), false);

        assertProblem(signedGet(disabled, CHANNELS), 403, "terminal-disabled");
    }

    @Test
    void fiveFailedSignaturesLockTheKeyidEvenForACorrectSignature() {
        TerminalSigner terminal = TestTerminals.register(api);
        TerminalSigner impostor = new TerminalSigner(
                terminal.terminalId(), TestTerminals.register(api).secret());
        for (int i = 0; i < 5; i++) {
            assertProblem(signedGet(impostor, CHANNELS), 401, "signature-invalid");
        }

        HttpResponse<String> locked = signedGet(terminal, CHANNELS);

        assertProblem(locked, 429, "locked");
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertProblem(signedGet(impostor, CHANNELS), 429, "locked");
    }

    @Test
    void anUnknownKeyidIsLockedOutLikeAKnownOne() {
        TerminalSigner unknown = new TerminalSigner(
                "T-unknown-" + UUID.randomUUID(), TestTerminals.register(api).secret());
        for (int i = 0; i < 5; i++) {
            assertProblem(signedGet(unknown, CHANNELS), 401, "signature-invalid");
        }

        assertProblem(signedGet(unknown, CHANNELS), 429, "locked");
    }

    @Test
    void aVerifiedSignatureClearsTheFailures() {
        TerminalSigner terminal = TestTerminals.register(api);
        TerminalSigner impostor = new TerminalSigner(
                terminal.terminalId(), TestTerminals.register(api).secret());
        for (int i = 0; i < 4; i++) {
            assertProblem(signedGet(impostor, CHANNELS), 401, "signature-invalid");
        }
        assertEquals(200, signedGet(terminal, CHANNELS).statusCode());

        assertProblem(signedGet(impostor, CHANNELS), 401, "signature-invalid");
        assertEquals(200, signedGet(terminal, CHANNELS).statusCode());
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        TerminalSigner terminal = TestTerminals.register(api);
        long version = version(terminal);
        byte[] body = new byte[64 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        assertProblem(signedPost(terminal, ECHO, body), 413, "too-large");
        assertUnchanged(terminal, version);
    }

    @Test
    void aRequestSignedByTheNpmPackageHttpMessageSignaturesIsAccepted() {
        TerminalSigner terminal = TestTerminals.register(api);

        NodeTerminal.Response post = NodeTerminal.send(terminal, "POST", ECHO, "{\"title\":\"Congratulations\"}", null);
        NodeTerminal.Response get = NodeTerminal.send(terminal, "GET", CHANNELS + "?state=LIVE", null, null);

        assertEquals(200, post.status(), post.body());
        assertTrue(post.body().contains("\"terminalId\":\"" + terminal.terminalId() + "\""), post.body());
        assertEquals(200, get.status(), get.body());
    }

    @Test
    void aRequestChangedAfterTheNpmPackageSignedItIsRefused() {
        TerminalSigner terminal = TestTerminals.register(api);

        NodeTerminal.Response path = NodeTerminal.send(terminal, "POST", ECHO, "{\"a\":1}", "path");
        NodeTerminal.Response body = NodeTerminal.send(terminal, "POST", ECHO, "{\"a\":1}", "body");

        assertEquals(401, path.status(), path.body());
        assertTrue(path.body().contains("signature-invalid"), path.body());
        assertEquals(401, body.status(), body.body());
        assertTrue(body.body().contains("signature-invalid"), body.body());
    }
}

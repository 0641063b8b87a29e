package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.GatewayClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * The WebSocket gateway as a terminal uses it (PROTOCOL.md sections 5 and 6), over real connections against the
 * real EAR: a recorded video reply sent at real-time pace is acknowledged segment by segment, stored, and served
 * back byte for byte; a dropped connection is resumed; and every refusal of section 5 is an error with its
 * code, after which the message is not stored and the server stays healthy.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class GatewayIT {

    private static final String CALLS = "api/v1/calls";
    private static final String MESSAGES = "api/v1/messages/";
    private static final int VIDEO_SECONDS = 4;
    // The test server gives up a silent sender after 15 s (arquillian.xml); its timer may fire a little later.
    private static final Duration GIVEN_UP = Duration.ofSeconds(60);

    private static byte[] video;

    private final ApiClient api = new ApiClient();
    private TerminalSigner terminal;
    private String channelId;
    private String uplinkUrl;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @BeforeAll
    static void recordAVideo() throws Exception {
        video = TestMedia.video(VIDEO_SECONDS);
    }

    /** A channel of its own (not captured: the uplink needs no live picture) and a call to itself. */
    @BeforeEach
    void connectedCall() {
        channelId = TestChannels.create(api, "\"captureEnabled\":false,\"maxMessageBytes\":4000000");
        terminal = TestTerminals.register(api);
        HttpResponse<String> call = api.signed(terminal, "POST", CALLS, "{\"channelId\":\"" + channelId + "\"}");
        assertEquals(201, call.statusCode(), call.body());
        uplinkUrl = ApiClient.object(call).getString("uplinkUrl");
    }

    @AfterEach
    void serverStaysHealthy() {
        HttpResponse<String> ready = api.get(ApiClient.managementUri().resolve("health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        TestChannels.remove(api, channelId);
    }

    // --- sending -------------------------------------------------------------------------------------------

    @Test
    void aVideoSentWhileRecordedIsAcknowledgedStoredAndServedBackByteForByte() throws Exception {
        String messageId;
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            messageId = gateway.start("video/mp4", "Happy birthday");
            // Real-time pace: the whole video in its own duration, four segments a second.
            int segment = video.length / (VIDEO_SECONDS * 4) + 1;
            long acknowledged = gateway.sendInSegments(video, 0, video.length, segment, Duration.ofMillis(250));
            assertEquals(video.length, acknowledged, "the last ack covers every byte");
            gateway.end(TestMedia.sha256(video));

            JsonObject stored = gateway.next("stored");
            assertEquals(messageId, stored.getString("messageId"));
            assertEquals(video.length, stored.getJsonNumber("bytes").longValue());
            assertEquals(TestMedia.sha256(video), stored.getString("sha256"));
        }

        JsonObject message = ApiClient.object(api.signed(terminal, "GET", MESSAGES + messageId, null));
        assertEquals("STORED", message.getString("state"));
        assertEquals(terminal.terminalId(), message.getString("senderTerminalId"));
        assertEquals(channelId, message.getString("channelId"));
        assertEquals("video/mp4", message.getString("contentType"));
        assertEquals("Happy birthday", message.getString("title"));
        assertEquals(TestMedia.sha256(video), message.getString("sha256"));
        long duration = message.getJsonNumber("durationMs").longValue();
        assertTrue(Math.abs(duration - VIDEO_SECONDS * 1000) < 300, "probed duration " + duration);

        HttpResponse<byte[]> media = TerminalMessages.media(api, terminal, messageId, null);
        assertEquals(200, media.statusCode());
        assertEquals("video/mp4", media.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(video, media.body(), "the stored bytes are the bytes sent");
        assertEquals(TestMedia.sha256(video), TestMedia.sha256(media.body()));

        HttpResponse<byte[]> part = TerminalMessages.media(api, terminal, messageId, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes 100-199/" + video.length,
                part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(video, 100, 200), part.body());
        assertEquals(
                416,
                TerminalMessages.media(api, terminal, messageId, "bytes=" + video.length + "-")
                        .statusCode());

        String list = api.signed(terminal, "GET", "api/v1/messages", null).body();
        assertTrue(list.contains(messageId), list);
    }

    @Test
    void anotherTerminalFindsNeitherTheMessageNorItsMedia() throws Exception {
        String messageId = sendWhole(video, TestMedia.sha256(video));
        TerminalSigner stranger = TestTerminals.register(api);

        assertProblem(api.signed(stranger, "GET", MESSAGES + messageId, null), 404, "not-found");
        assertEquals(404, TerminalMessages.media(api, stranger, messageId, null).statusCode());
        assertEquals("[]", api.signed(stranger, "GET", "api/v1/messages", null).body());
    }

    @Test
    void aDroppedConnectionIsResumedWhereItsDurableBytesEnd() throws Exception {
        String messageId;
        long acknowledged;
        try (GatewayClient first = GatewayClient.connect(api, uplinkUrl)) {
            messageId = first.start("video/mp4", "Resumed");
            acknowledged = first.sendInSegments(video, 0, video.length / 2, 64 * 1024, Duration.ZERO);
            first.drop();
        }
        TerminalMessages.awaitState(api, terminal, messageId, "INCOMPLETE", GatewayClient.PATIENCE);

        try (GatewayClient second = GatewayClient.connect(api, uplinkUrl)) {
            second.resume(messageId);
            JsonObject started = second.next("started");
            assertEquals(messageId, started.getString("messageId"));
            long offset = started.getJsonNumber("offset").longValue();
            assertEquals(acknowledged, offset, "every acknowledged byte is kept, and nothing more was sent");
            second.sendInSegments(video, (int) offset, video.length, 64 * 1024, Duration.ZERO);
            second.end(TestMedia.sha256(video));
            assertEquals(
                    video.length, second.next("stored").getJsonNumber("bytes").longValue());
        }
        assertArrayEquals(
                video, TerminalMessages.media(api, terminal, messageId, null).body());
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void aSegmentBeforeStartIsRefused() throws Exception {
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            gateway.segment(video, 0, 1000);
            assertError(gateway, "not-started");
        }
        assertEquals("[]", api.signed(terminal, "GET", "api/v1/messages", null).body());
    }

    @Test
    void aSegmentAfterEndIsRefused() throws Exception {
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            String messageId = gateway.start("video/mp4", "Ends");
            gateway.sendInSegments(video, 0, video.length, 256 * 1024, Duration.ZERO);
            gateway.end(TestMedia.sha256(video));
            gateway.segment(video, 0, 1000);
            JsonObject first = gateway.next();
            JsonObject second = gateway.next();
            JsonObject error = first.getString("type").equals("error") ? first : second;
            assertEquals("ended", error.getString("code"), error.toString());
            // The extra segment changes nothing of the message that ended.
            assertEquals(
                    video.length,
                    TerminalMessages.media(api, terminal, messageId, null).body().length);
        }
    }

    @Test
    void aSecondStartBeforeEndIsRefusedAndTheFirstMessageGoesOn() throws Exception {
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            String messageId = gateway.start("video/mp4", "First");
            gateway.send("{\"type\":\"start\",\"contentType\":\"video/mp4\"}");
            assertEquals(messageId, assertError(gateway, "already-started").getString("messageId"));
            gateway.sendInSegments(video, 0, video.length, 256 * 1024, Duration.ZERO);
            gateway.end(TestMedia.sha256(video));
            assertEquals(messageId, gateway.next("stored").getString("messageId"));
        }
        assertEquals(
                1,
                ApiClient.json(api.signed(terminal, "GET", "api/v1/messages", null))
                        .asJsonArray()
                        .size());
    }

    @Test
    void aFrameOverOneMebibyteIsRefusedAndDropsTheMessage() throws Exception {
        byte[] oversize = new byte[1024 * 1024 + 1];
        assertRefused("frame-too-large", gateway -> gateway.segment(oversize, 0, oversize.length));
    }

    @Test
    void aMessageOverTheChannelsMaximumSizeIsRefused() throws Exception {
        TestChannels.patch(api, channelId, "{\"maxMessageBytes\":100000}");
        byte[] bytes = new byte[120_000];
        assertRefused("message-too-large", gateway -> {
            gateway.sendInSegments(bytes, 0, 80_000, 40_000, Duration.ZERO);
            gateway.segment(bytes, 80_000, 40_000);
        });
    }

    @Test
    void aChecksumThatDoesNotMatchIsRefused() throws Exception {
        assertRefused("checksum-mismatch", gateway -> {
            gateway.sendInSegments(video, 0, video.length, 256 * 1024, Duration.ZERO);
            gateway.end(TestMedia.sha256(new byte[] {1}));
        });
    }

    @Test
    void aConnectionClosedBeforeEndLeavesTheMessageIncompleteUntilItIsGivenUp() throws Exception {
        String messageId;
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            messageId = gateway.start("video/mp4", "Cut off");
            gateway.sendInSegments(video, 0, 100_000, 50_000, Duration.ZERO);
        }
        JsonObject paused = TerminalMessages.awaitState(api, terminal, messageId, "INCOMPLETE", GatewayClient.PATIENCE);
        assertEquals(100_000, paused.getJsonNumber("bytes").longValue(), "the pause counts the bytes received");
        assertNotStored(messageId, "INCOMPLETE");

        // The sender stays away: the message is given up, with a reason, and can no longer be resumed.
        Instant deadline = Instant.now().plus(GIVEN_UP);
        JsonObject message = ApiClient.object(api.signed(terminal, "GET", MESSAGES + messageId, null));
        while (message.isNull("reason")) {
            assertTrue(Instant.now().isBefore(deadline), "not given up within " + GIVEN_UP + ": " + message);
            Thread.sleep(500);
            message = ApiClient.object(api.signed(terminal, "GET", MESSAGES + messageId, null));
        }
        assertEquals("INCOMPLETE", message.getString("state"));
        try (GatewayClient late = GatewayClient.connect(api, uplinkUrl)) {
            late.resume(messageId);
            assertError(late, "not-resumable");
        }
        assertNotStored(messageId, "INCOMPLETE");
    }

    @Test
    void contentThatIsNotAudioOrVideoIsRejectedWithAReason() throws Exception {
        byte[] text =
                "Dear grandma, this is a letter, not a video.\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        JsonObject message = assertRefused("not-media", gateway -> {
            gateway.sendInSegments(text, 0, text.length, 8192, Duration.ZERO);
            gateway.end(TestMedia.sha256(text));
        });
        assertTrue(message.getString("reason").contains("not audio or video"), message.toString());
    }

    @Test
    void aTokenOfNoConnectedCallIsRefusedAndClosed() throws Exception {
        try (GatewayClient gateway = GatewayClient.connect(api, "/gateway/no-such-token")) {
            assertError(gateway, "not-found");
            assertNotEquals(1000, gateway.awaitClosed());
        }
    }

    @Test
    void idsWithPathCharactersAreNotFound() throws Exception {
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            gateway.resume("../../etc/passwd");
            assertError(gateway, "not-found");
        }
        for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "a%5Cb", "%2e%2e"}) {
            assertProblem(api.signed(terminal, "GET", MESSAGES + id, null), 404, "not-found");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String sendWhole(byte[] bytes, String sha256) throws InterruptedException {
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            String messageId = gateway.start("video/mp4", "Whole");
            gateway.sendInSegments(bytes, 0, bytes.length, 256 * 1024, Duration.ZERO);
            gateway.end(sha256);
            gateway.next("stored");
            return messageId;
        }
    }

    /** What a test does on a new message before the gateway refuses it. */
    private interface Steps {
        void on(GatewayClient gateway) throws InterruptedException;
    }

    /** Starts a message, takes the steps, and asserts the error and that the message ends REJECTED, not stored. */
    private JsonObject assertRefused(String code, Steps steps) throws InterruptedException {
        String messageId;
        try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
            messageId = gateway.start("video/mp4", "Refused: " + code);
            steps.on(gateway);
            assertEquals(messageId, assertError(gateway, code).getString("messageId"));
        }
        JsonObject message = assertNotStored(messageId, "REJECTED");
        assertEquals(messageId, message.getString("messageId"));
        return message;
    }

    private static JsonObject assertError(GatewayClient gateway, String code) throws InterruptedException {
        JsonObject error = gateway.next("error");
        assertEquals(code, error.getString("code"), error.toString());
        assertTrue(!error.getString("detail").isBlank() && !error.toString().contains("Exception"), error.toString());
        return error;
    }

    /** Asserts that the message ends in the state given, never stored, with no media. */
    private JsonObject assertNotStored(String messageId, String state) throws InterruptedException {
        JsonObject message = TerminalMessages.awaitState(api, terminal, messageId, state, GatewayClient.PATIENCE);
        assertEquals(404, TerminalMessages.media(api, terminal, messageId, null).statusCode());
        return message;
    }
}

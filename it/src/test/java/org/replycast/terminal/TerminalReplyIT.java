package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.replycast.media.ProbedMedia;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TcpRelay;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * A terminal replies on the call it watches, from the terminal page in headless Chromium with a fake camera and
 * microphone: recorded and streamed through the WebSocket gateway while it records, resumed by itself after the
 * network drops, watched first and recorded again before it is sent, or a recorded file sent by tus with
 * tus-js-client. Each reply's bytes, read back through the signed API, are the bytes the page sent.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class TerminalReplyIT {

    private static final Duration STORED_PATIENCE = Duration.ofSeconds(60);
    private static final ApiClient API = new ApiClient();
    /** One captured channel for every test, made on first use: each test calls on it from a terminal of its own. */
    private static String channelId;

    @TempDir
    Path files;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    private static synchronized String channel() {
        if (channelId == null) {
            channelId = TestChannels.create(API, "");
        }
        return channelId;
    }

    @AfterAll
    static void removeChannel() {
        if (channelId != null) {
            TestChannels.remove(API, channelId);
        }
    }

    @Test
    void aReplyRecordedWhileWatchingIsStreamedAsItIsRecordedAndStoredAsSent() throws Exception {
        TerminalSigner terminal = TestTerminals.register(API);
        try (Browser browser = Browser.withFakeCamera()) {
            TerminalPage page = new TerminalPage(browser, "reply-streamed").open();
            watchingACall(page, terminal);
            page.awaitPlayedFor(Duration.ofSeconds(2));

            page.startRecording();
            page.awaitAcknowledgedOver(0);
            assertEquals("recording", page.replyStatus("state"), "bytes are acknowledged while it still records");
            page.screenshotReply("recording");
            Thread.sleep(4000);
            page.stopRecording();

            String said = page.awaitReplyState("stored");
            page.screenshotReply("stored");
            assertTrue(said.startsWith("Stored"), said);
            String messageId = page.replyStatus("message-id");
            assertStoredAsSent(terminal, messageId, page.replyStatus("sha256"), "video/webm", Duration.ofSeconds(4));
            page.awaitListedMessage(messageId, "STORED");
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aReplyWhoseNetworkDropsWhileRecordingResumesByItselfAndIsStoredWhole() throws Exception {
        TerminalSigner terminal = TestTerminals.register(API);
        try (TcpRelay network = new TcpRelay(API.base().getPort());
                Browser browser = Browser.withFakeCamera()) {
            TerminalPage page = new TerminalPage(browser, "reply-resume")
                    .open(URI.create("http://localhost:" + network.port() + "/"));
            watchingACall(page, terminal);

            page.startRecording();
            page.awaitAcknowledgedOver(0);
            network.cut();
            page.awaitReplyStatus("link", "reconnecting");
            long beforeTheDrop = page.acknowledgedBytes();
            page.screenshotReply("reconnecting");
            Thread.sleep(3000);
            network.restore();
            page.awaitReplyStatus("link", "connected");
            page.awaitAcknowledgedOver(beforeTheDrop);
            page.stopRecording();

            page.awaitReplyState("stored");
            page.screenshotReply("resumed-stored");
            assertStoredAsSent(
                    terminal,
                    page.replyStatus("message-id"),
                    page.replyStatus("sha256"),
                    "video/webm",
                    Duration.ofSeconds(3));
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void onAPhoneAReplyIsWatchedFirstRecordedAgainAndOnlyTheSecondIsSent() throws Exception {
        TerminalSigner terminal = TestTerminals.register(API);
        try (Browser browser = Browser.phoneWithFakeCamera(390, 844)) {
            TerminalPage page = new TerminalPage(browser, "reply-preview").open();
            watchingACall(page, terminal);
            page.sendWhileRecording(false);

            page.startRecording();
            Thread.sleep(2000);
            page.stopRecording();
            page.awaitReplyState("recorded");
            browser.waitUpTo(TerminalPage.PAGE_TIMEOUT, "reply-preview-first").until(driver -> page.showsPreview());
            page.screenshotReply("preview");
            assertNull(page.replyStatus("message-id"), "nothing is sent before Send");
            assertEquals(0, page.horizontalOverflow(), "the preview fits the phone's screen");

            page.recordAgain();
            Thread.sleep(3000);
            page.stopRecording();
            page.awaitReplyState("recorded");
            browser.waitUpTo(TerminalPage.PAGE_TIMEOUT, "reply-preview-again").until(driver -> page.showsPreview());
            page.sendRecorded();

            page.awaitReplyState("stored");
            page.screenshotReply("preview-stored");
            String messageId = page.replyStatus("message-id");
            assertStoredAsSent(terminal, messageId, page.replyStatus("sha256"), "video/webm", Duration.ofSeconds(2));
            JsonObject[] all = ApiClient.json(API.signed(terminal, "GET", "api/v1/messages", null))
                    .asJsonArray()
                    .getValuesAs(JsonObject.class)
                    .toArray(JsonObject[]::new);
            assertEquals(1, all.length, "only the recording sent is a message");
            assertEquals(messageId, all[0].getString("messageId"));
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aRecordedFilePickedOnThePageIsSentByTusAndStoredByteForByte() throws Exception {
        TerminalSigner terminal = TestTerminals.register(API);
        byte[] video = TestMedia.video(2);
        Path file = Files.write(files.resolve("birthday.mp4"), video);
        try (Browser browser = new Browser()) {
            TerminalPage page = new TerminalPage(browser, "reply-file").open();
            watchingACall(page, terminal);

            page.sendFile(file);

            page.awaitReplyState("stored");
            page.screenshotReply("file-stored");
            String messageId = page.replyStatus("message-id");
            JsonObject message = TerminalMessages.awaitState(API, terminal, messageId, "STORED", STORED_PATIENCE);
            assertEquals("video/mp4", message.getString("contentType"));
            assertEquals(TestMedia.sha256(video), message.getString("sha256"));
            assertArrayEquals(
                    video,
                    TerminalMessages.media(API, terminal, messageId, null).body());
            assertEquals(video.length, page.acknowledgedBytes());
            page.awaitListedMessage(messageId, "STORED");
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aFileThatIsNotMediaIsRejectedWithTheServersReasonOnThePage() throws Exception {
        TerminalSigner terminal = TestTerminals.register(API);
        Path file = Files.writeString(files.resolve("notes.mp4"), "Happy birthday! See you soon.\n".repeat(200));
        try (Browser browser = new Browser()) {
            TerminalPage page = new TerminalPage(browser, "reply-not-media").open();
            watchingACall(page, terminal);

            page.sendFile(file);

            String said = page.awaitReplyState("rejected");
            page.screenshotReply("rejected");
            String messageId = page.replyStatus("message-id");
            JsonObject message = TerminalMessages.awaitState(API, terminal, messageId, "REJECTED", STORED_PATIENCE);
            String reason = message.getString("reason");
            assertFalse(reason.isBlank());
            assertEquals("Not accepted: " + reason, said);
            page.awaitListedMessage(messageId, "REJECTED");
            assertEquals(List.of(), page.trouble());
        }
    }

    /** Signs the page in and has it call itself on the channel, until the call is connected and the reply shows. */
    private static void watchingACall(TerminalPage page, TerminalSigner terminal) {
        // Made before the sign-in, which is when the page lists the channels.
        String channelId = channel();
        page.signIn(terminal);
        String callId = page.startCall(channelId, null);
        page.awaitCallState(callId, "CONNECTED");
    }

    /**
     * The message is stored with the SHA-256 the page sent, its bytes through the API have that SHA-256, and the
     * prober finds a WebM video with sound of at least the given length in them.
     */
    private static void assertStoredAsSent(
            TerminalSigner terminal, String messageId, String pageSha256, String contentType, Duration atLeast)
            throws Exception {
        JsonObject message = TerminalMessages.awaitState(API, terminal, messageId, "STORED", STORED_PATIENCE);
        assertEquals(contentType, message.getString("contentType"));
        assertEquals(pageSha256, message.getString("sha256"));
        HttpResponse<byte[]> media = TerminalMessages.media(API, terminal, messageId, null);
        assertEquals(200, media.statusCode());
        assertEquals(pageSha256, TestMedia.sha256(media.body()), "the bytes are the ones the page sent");
        assertEquals(message.getJsonNumber("bytes").longValue(), media.body().length);
        ProbedMedia probed = TestMedia.probe(media.body(), ".webm");
        assertTrue(probed.container() != null && probed.container().contains("webm"), probed.toString());
        assertFalse(probed.videoCodecs().isEmpty(), probed.toString());
        assertFalse(probed.audioCodecs().isEmpty(), probed.toString());
        assertTrue(probed.duration().orElseThrow().compareTo(atLeast) >= 0, probed.toString());
        assertTrue(
                new String(media.body(), 0, 4, StandardCharsets.ISO_8859_1).equals("\u001a\u0045\u00df\u00a3"),
                "an EBML (WebM) header");
    }
}

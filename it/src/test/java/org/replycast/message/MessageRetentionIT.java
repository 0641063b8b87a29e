package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.message.Replies.Reply;
import org.replycast.message.Replies.Sender;
import org.replycast.testing.ApiClient;
import org.replycast.testing.GatewayClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * Retention and quotas against the real EAR: replies stored through the WebSocket gateway are removed, row and
 * files, once an administrator lowers a terminal's quota (the earliest first, until the rest fits) or a channel's
 * retention (every finished one older than its days; 0 days: all of them), while a reply still on its way in
 * stays. The test server runs the retention timer every 2 s (arquillian.xml).
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class MessageRetentionIT {

    private static final String TERMINALS = "api/v1/admin/terminals/";
    // A few passes of the 2 s timer, on a busy machine.
    private static final Duration PASSES = Duration.ofSeconds(30);

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void aQuotaRemovesTheEarliestStoredRepliesUntilTheRestFits() throws Exception {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"maxMessageBytes\":4000000");
        Sender sender = Replies.sender(api, channelId);
        byte[] video = Replies.video();
        Reply first = sender.send(video, "video/mp4", "First");
        Reply second = sender.send(video, "video/mp4", "Second");
        Reply third = sender.send(video, "video/mp4", "Third");

        HttpResponse<String> lowered = patchTerminal(
                sender.terminal().terminalId(), "{\"quotaBytes\":" + (2 * video.length + video.length / 2) + "}");

        assertEquals(200, lowered.statusCode(), lowered.body());
        assertEquals(
                2L * video.length + video.length / 2,
                ApiClient.object(lowered).getJsonNumber("quotaBytes").longValue());
        awaitRemoved(sender.terminal(), first.messageId());
        assertFalse(Files.exists(media(channelId, first.messageId())));
        for (Reply kept : new Reply[] {second, third}) {
            assertEquals(200, message(sender.terminal(), kept.messageId()).statusCode());
            assertTrue(Files.exists(media(channelId, kept.messageId())));
        }
    }

    @Test
    void aRetentionOfZeroDaysRemovesEveryFinishedReplyButNotOneOnItsWayIn() throws Exception {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"maxMessageBytes\":4000000");
        String keptChannelId = TestChannels.create(api, "\"captureEnabled\":false,\"maxMessageBytes\":4000000");
        Sender sender = Replies.sender(api, channelId);
        Sender elsewhere = Replies.sender(api, keptChannelId);
        byte[] video = Replies.video();
        Reply first = sender.send(video, "video/mp4", "First");
        Reply second = sender.send(video, "video/mp4", "Second");
        Reply unlimited = elsewhere.send(video, "video/mp4", "Kept");

        try (GatewayClient receiving = GatewayClient.connect(api, sender.uplinkUrl())) {
            String inFlight = receiving.start("video/mp4", "On its way");
            receiving.sendInSegments(video, 0, video.length, 64 * 1024, Duration.ZERO);

            HttpResponse<String> patched = TestChannels.patch(api, channelId, "{\"retentionDays\":0}");
            assertEquals(200, patched.statusCode(), patched.body());
            assertEquals(0, ApiClient.object(patched).getInt("retentionDays"));

            awaitRemoved(sender.terminal(), first.messageId());
            awaitRemoved(sender.terminal(), second.messageId());
            assertFalse(Files.exists(media(channelId, first.messageId())));
            assertFalse(Files.exists(media(channelId, second.messageId())));
            JsonObject stillReceiving = ApiClient.object(message(sender.terminal(), inFlight));
            assertEquals("RECEIVING", stillReceiving.getString("state"));
            assertTrue(Files.exists(Path.of(dataDir(), "messages", channelId, inFlight + ".part")));
            assertEquals(
                    200, message(elsewhere.terminal(), unlimited.messageId()).statusCode());
            assertTrue(Files.exists(media(keptChannelId, unlimited.messageId())));

            // Once it is stored, it is past the retention like any other.
            receiving.end(TestMedia.sha256(video));
            receiving.next("stored");
            awaitRemoved(sender.terminal(), inFlight);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNullClears() {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"retentionDays\":30");
        assertEquals(30, TestChannels.show(api, channelId).getInt("retentionDays"));
        TerminalSigner terminal = TestTerminals.register(api, "\"quotaBytes\":1000000");
        assertEquals(
                1_000_000L,
                TestTerminals.show(api, terminal.terminalId())
                        .getJsonNumber("quotaBytes")
                        .longValue());

        assertTrue(assertProblem(TestChannels.patch(api, channelId, "{\"retentionDays\":-1}"), 400, "invalid")
                .getString("detail")
                .contains("retentionDays"));
        assertTrue(assertProblem(patchTerminal(terminal.terminalId(), "{\"quotaBytes\":0}"), 400, "invalid")
                .getString("detail")
                .contains("quotaBytes"));
        assertTrue(assertProblem(patchTerminal(terminal.terminalId(), "{\"quotaBytes\":\"lots\"}"), 400, "invalid")
                .getString("detail")
                .contains("quotaBytes"));

        assertEquals(
                200,
                TestChannels.patch(api, channelId, "{\"retentionDays\":null}").statusCode());
        // JSON-B leaves null fields out.
        assertFalse(TestChannels.show(api, channelId).containsKey("retentionDays"));
        assertEquals(
                200,
                patchTerminal(terminal.terminalId(), "{\"quotaBytes\":null}").statusCode());
        assertFalse(TestTerminals.show(api, terminal.terminalId()).containsKey("quotaBytes"));
    }

    private HttpResponse<String> patchTerminal(String terminalId, String patch) {
        return api.send(
                "PATCH",
                TERMINALS + terminalId,
                "application/merge-patch+json",
                patch,
                KeycloakServer.adminAuthorization());
    }

    private HttpResponse<String> message(TerminalSigner terminal, String messageId) {
        return api.signed(terminal, "GET", "api/v1/messages/" + messageId, null);
    }

    /** Waits until the sender's API no longer knows the message. */
    private void awaitRemoved(TerminalSigner terminal, String messageId) throws InterruptedException {
        Instant deadline = Instant.now().plus(PASSES);
        HttpResponse<String> found = message(terminal, messageId);
        while (found.statusCode() != 404) {
            assertEquals(200, found.statusCode(), found.body());
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("message " + messageId + " still there after " + PASSES + ": " + found.body());
            }
            Thread.sleep(200);
            found = message(terminal, messageId);
        }
        assertProblem(found, 404, "not-found");
    }

    private static Path media(String channelId, String messageId) {
        return Path.of(dataDir(), "messages", channelId, messageId + ".media");
    }

    private static String dataDir() {
        return System.getProperty("replycast.it.data.dir");
    }
}

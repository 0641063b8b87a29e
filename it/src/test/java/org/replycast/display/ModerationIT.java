package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertInvalidNaming;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.message.Replies;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/**
 * Moderation over the admin API: a stored reply is approved at once on an {@code AUTO} channel, waits for a
 * moderator on a {@code MANUAL} one or when its title has a filtered word, and every refusal is problem
 * details with the protocol's code.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ModerationIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    private String channel(String fields) {
        return TestChannels.create(api, "\"captureEnabled\":false" + (fields.isEmpty() ? "" : "," + fields));
    }

    private String storedReply(String channelId, String title) throws Exception {
        return Replies.sender(api, channelId)
                .send(Replies.video(), "video/mp4", title)
                .messageId();
    }

    @Test
    void aStoredReplyOnAnAutoChannelIsApprovedAtOnce() throws Exception {
        String channelId = channel("");

        String messageId = storedReply(channelId, "Congratulations!");

        JsonObject message =
                AdminMessages.await(api, messageId, m -> "APPROVED".equals(m.getString("moderation")), "approved");
        assertEquals("STORED", message.getString("state"));
        assertEquals("server", message.getString("moderatedBy"));
        assertEquals(channelId, message.getString("channelId"));
    }

    @Test
    void aStoredReplyOnAManualChannelWaitsForAModeratorWhoApprovesIt() throws Exception {
        String channelId = channel("\"moderation\":\"MANUAL\"");
        String messageId = storedReply(channelId, "Happy birthday");

        HttpResponse<String> queue = api.get(
                AdminMessages.MESSAGES + "?channelId=" + channelId + "&state=STORED&moderation=PENDING",
                KeycloakServer.adminAuthorization());
        assertEquals(200, queue.statusCode(), queue.body());
        JsonObject page = ApiClient.object(queue);
        assertEquals(1, page.getInt("total"));
        assertEquals(messageId, page.getJsonArray("items").getJsonObject(0).getString("messageId"));

        HttpResponse<String> approved = AdminMessages.approve(api, messageId);

        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject message = ApiClient.object(approved);
        assertEquals("APPROVED", message.getString("moderation"));
        assertEquals("service-account-replycast-ops", message.getString("moderatedBy"));
        assertAudited(message.getString("senderTerminalId"), "message-approved", messageId);
        assertProblem(AdminMessages.approve(api, messageId), 409, "conflict");
    }

    @Test
    void aFilteredWordInTheTitleHoldsAReplyEvenOnAnAutoChannel() throws Exception {
        String channelId = channel("\"titleFilter\":[\"spam\",\"bad words\"]");
        assertEquals(
                List.of("bad words", "spam"),
                TestChannels.show(api, channelId).getJsonArray("titleFilter").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());

        String held = storedReply(channelId, "Buy SPAM now");
        String clean = storedReply(channelId, "A first-class wedding");

        AdminMessages.await(api, clean, m -> "APPROVED".equals(m.getString("moderation")), "approved");
        JsonObject message = ApiClient.object(AdminMessages.show(api, held));
        assertEquals("PENDING", message.getString("moderation"));
        assertTrue(message.getString("moderationReason").contains("spam"), message.toString());
    }

    @Test
    void aRejectionNeedsAReasonAndIsAudited() throws Exception {
        String channelId = channel("\"moderation\":\"MANUAL\"");
        String messageId = storedReply(channelId, "Hello");

        assertProblem(AdminMessages.reject(api, messageId, null), 400, "invalid");
        assertInvalidNaming("reason", AdminMessages.reject(api, messageId, "{\"reason\":\"  \"}"));
        assertInvalidNaming("reasn", AdminMessages.reject(api, messageId, "{\"reasn\":\"typo\"}"));
        assertInvalidNaming("reason", AdminMessages.reject(api, messageId, "{\"reason\":42}"));
        assertProblem(AdminMessages.reject(api, messageId, "{not json"), 400, "invalid");

        HttpResponse<String> rejected = AdminMessages.reject(api, messageId, "{\"reason\":\"Off topic\"}");

        assertEquals(200, rejected.statusCode(), rejected.body());
        JsonObject message = ApiClient.object(rejected);
        assertEquals("REJECTED", message.getString("moderation"));
        assertEquals("Off topic", message.getString("moderationReason"));
        assertAudited(message.getString("senderTerminalId"), "message-rejected", messageId + ": Off topic");
        assertProblem(AdminMessages.reject(api, messageId, "{\"reason\":\"again\"}"), 409, "conflict");
    }

    @Test
    void onlyAStoredMessageIsModerated() throws Exception {
        String channelId = channel("\"moderation\":\"MANUAL\"");
        String receiving = Replies.sender(api, channelId).begin(Replies.video(), "video/mp4", "Not yet");

        assertProblem(AdminMessages.approve(api, receiving), 409, "conflict");
        assertProblem(AdminMessages.reject(api, receiving, "{\"reason\":\"no\"}"), 409, "conflict");
    }

    @Test
    void anUnknownMessageIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(AdminMessages.show(api, unknown), 404, "not-found");
        assertProblem(AdminMessages.approve(api, unknown), 404, "not-found");
        assertProblem(AdminMessages.reject(api, unknown, "{\"reason\":\"no\"}"), 404, "not-found");
    }

    @Test
    void theListRefusesUnknownValuesAndPages() throws Exception {
        assertInvalidNaming(
                "state", api.get(AdminMessages.MESSAGES + "?state=DONE", KeycloakServer.adminAuthorization()));
        assertInvalidNaming(
                "moderation",
                api.get(AdminMessages.MESSAGES + "?moderation=MAYBE", KeycloakServer.adminAuthorization()));
        assertInvalidNaming("limit", api.get(AdminMessages.MESSAGES + "?limit=0", KeycloakServer.adminAuthorization()));
        String channelId = channel("\"moderation\":\"MANUAL\"");
        storedReply(channelId, "one");
        storedReply(channelId, "two");

        JsonObject second = ApiClient.object(api.get(
                AdminMessages.MESSAGES + "?channelId=" + channelId + "&offset=1&limit=1",
                KeycloakServer.adminAuthorization()));

        assertEquals(2, second.getInt("total"));
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals("two", second.getJsonArray("items").getJsonObject(0).getString("title"));
    }

    @Test
    void withoutAValidBearerTokenModerationIsRefused() throws Exception {
        String messageId = UUID.randomUUID().toString();

        assertProblem(api.get(AdminMessages.MESSAGES), 401, "unauthorized");
        assertProblem(
                api.send("POST", AdminMessages.MESSAGES + "/" + messageId + "/approve", null, null),
                401,
                "unauthorized");
        assertProblem(
                api.send(
                        "POST",
                        AdminMessages.MESSAGES + "/" + messageId + "/approve",
                        null,
                        null,
                        "Authorization",
                        "Bearer not-a-token"),
                401,
                "unauthorized");
    }

    private void assertAudited(String terminalId, String code, String detail) throws Exception {
        JsonObject trail = ApiClient.object(
                api.get("api/v1/admin/audit?terminalId=" + terminalId, KeycloakServer.adminAuthorization()));
        List<JsonObject> records = trail.getJsonArray("items").getValuesAs(JsonObject.class);
        assertFalse(records.isEmpty(), trail.toString());
        assertTrue(
                records.stream()
                        .anyMatch(r -> code.equals(r.getString("code"))
                                && detail.equals(r.getString("detail", ""))
                                && "service-account-replycast-ops".equals(r.getString("actor", ""))),
                trail.toString());
    }
}

package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.replycast.testing.WebhookReceiver;

/**
 * Forwarding to an outside system: a local HTTP receiver that checks every signature and refuses the first
 * two attempts of each webhook gets each event of a reply (stored, approved) exactly once delivered, after
 * retries that wait longer each time. The test server retries after 1 s, then 2 s, 4 s…
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ForwardingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    /**
     * A channel that forwards to the receiver, which learns the channel's secret as an administrator does
     * when the secret is renewed (the one of the creation's answer is not kept by the fixture).
     */
    private String forwardingChannel(WebhookReceiver receiver, String moderation) {
        String channelId = TestChannels.create(
                api,
                "\"captureEnabled\":false,\"moderation\":\"" + moderation + "\",\"forwardUrl\":\"" + receiver.url()
                        + "\"");
        receiver.trust(forwardSecret(channelId));
        return channelId;
    }

    @Test
    void storedAndApprovedAreEachDeliveredOnceSignedAfterRetriesWithGrowingWaits() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            String channelId = forwardingChannel(receiver, "MANUAL");
            String messageId = Replies.sender(api, channelId)
                    .send(Replies.video(), "video/mp4", "Well done")
                    .messageId();

            List<WebhookReceiver.Request> stored = receiver.await(
                    r -> r.messageId().equals(messageId) && "message.stored".equals(r.event()), 3, PATIENCE);
            assertEquals(200, AdminMessages.approve(api, messageId).statusCode());
            List<WebhookReceiver.Request> approved = receiver.await(
                    r -> r.messageId().equals(messageId) && "message.approved".equals(r.event()), 3, PATIENCE);

            for (List<WebhookReceiver.Request> attempts : List.of(stored, approved)) {
                assertTrue(attempts.stream().allMatch(WebhookReceiver.Request::verified), attempts.toString());
                assertEquals(
                        List.of(503, 503, 204),
                        attempts.stream().map(WebhookReceiver.Request::answered).toList());
                assertEquals(
                        1,
                        attempts.stream()
                                .map(WebhookReceiver.Request::deliveryId)
                                .distinct()
                                .count());
                Duration first =
                        Duration.between(attempts.get(0).at(), attempts.get(1).at());
                Duration second =
                        Duration.between(attempts.get(1).at(), attempts.get(2).at());
                assertTrue(first.toMillis() >= 900, "first retry after about 1 s: " + first);
                assertTrue(second.toMillis() >= 1900, "second retry after about 2 s: " + second);
            }
            JsonObject body = stored.get(2).body();
            assertEquals("message.stored", body.getString("event"));
            assertEquals(stored.get(2).deliveryId(), body.getString("deliveryId"));
            assertEquals(channelId, body.getJsonObject("message").getString("channelId"));
            assertEquals("Well done", body.getJsonObject("message").getString("title"));
            assertEquals("PENDING", body.getJsonObject("message").getString("moderation"));
            assertEquals(
                    "APPROVED", approved.get(2).body().getJsonObject("message").getString("moderation"));
            assertTrue(stored.get(2).at().isBefore(approved.get(0).at()));

            JsonObject message = AdminMessages.await(
                    api,
                    messageId,
                    m -> m.getJsonArray("forwarding").getValuesAs(JsonObject.class).stream()
                            .allMatch(d -> "DELIVERED".equals(d.getString("state"))),
                    "delivered");
            assertEquals(2, message.getJsonArray("forwarding").size());
            Thread.sleep(3000); // nothing more may come for this message once both are delivered
            assertEquals(
                    6,
                    receiver.requests().stream()
                            .filter(r -> r.messageId().equals(messageId))
                            .count());
        }
    }

    @Test
    void onAnAutoChannelTheStoredEventComesBeforeTheApprovedOne() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String channelId = forwardingChannel(receiver, "AUTO");
            String messageId = Replies.sender(api, channelId)
                    .send(Replies.video(), "video/mp4", "Cheers")
                    .messageId();

            List<WebhookReceiver.Request> received =
                    receiver.await(r -> r.messageId().equals(messageId), 2, PATIENCE);

            assertEquals(
                    List.of("message.stored", "message.approved"),
                    received.stream().map(WebhookReceiver.Request::event).toList());
            assertTrue(received.stream().allMatch(WebhookReceiver.Request::verified), received.toString());
            Set<String> deliveries =
                    received.stream().map(WebhookReceiver.Request::deliveryId).collect(Collectors.toSet());
            assertEquals(2, deliveries.size());
        }
    }

    private String forwardSecret(String channelId) {
        var renewed = api.send(
                "POST",
                "api/v1/admin/channels/" + channelId + "/forward-secret",
                null,
                null,
                KeycloakServer.adminAuthorization());
        assertEquals(200, renewed.statusCode(), renewed.body());
        return ApiClient.object(renewed).getString("forwardSecret");
    }
}

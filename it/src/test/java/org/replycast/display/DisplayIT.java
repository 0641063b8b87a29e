package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.message.Replies;
import org.replycast.testing.ApiClient;
import org.replycast.testing.EventStream;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.MessageCopies;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/**
 * A channel's display over HTTP: its stream pushes each approved reply and, reopened with the last id it
 * had, what it missed; its media is served with byte ranges; a wrong key or channel gets 404 everywhere.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class DisplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ApiClient api = new ApiClient();

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    private record Display(String channelId, String key) {

        String path(String below) {
            return "api/v1/display/" + channelId + "/" + below + (below.contains("?") ? "&" : "?") + "key=" + key;
        }
    }

    private Display display(String moderation) {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"moderation\":\"" + moderation + "\"");
        return new Display(channelId, TestChannels.show(api, channelId).getString("displayKey"));
    }

    private EventStream events(Display display, String... headers) {
        return EventStream.open(api.uri(display.path("events")), "display-" + display.channelId(), headers);
    }

    @Test
    void theStreamPushesAnApprovedReplyWithItsTitleAndSender() throws Exception {
        Display display = display("MANUAL");
        Replies.Sender sender = Replies.sender(api, display.channelId());
        try (EventStream events = events(display)) {
            String messageId =
                    sender.send(Replies.video(), "video/mp4", "Bravo").messageId();
            Thread.sleep(1000);
            assertTrue(events.heard().stream().noneMatch(e -> "approved".equals(e.name())), "not before approval");

            assertEquals(200, AdminMessages.approve(api, messageId).statusCode());

            EventStream.Event approved =
                    events.await(e -> "approved".equals(e.name()), PATIENCE, "an approved message");
            assertEquals(messageId, approved.id());
            JsonObject shown = approved.json();
            assertEquals(messageId, shown.getString("messageId"));
            assertEquals("Bravo", shown.getString("title"));
            assertEquals("Test terminal", shown.getString("senderName"));
            assertEquals("video/mp4", shown.getString("contentType"));
            assertEquals("media/" + messageId, shown.getString("media"));

            AdminMessages.reject(api, messageId, "{\"reason\":\"Taken back\"}");
            EventStream.Event withdrawn = events.await(e -> "withdrawn".equals(e.name()), PATIENCE, "a withdrawal");
            assertEquals(messageId, withdrawn.json().getString("messageId"));
        }
    }

    @Test
    void aStreamReopenedWithTheLastIdGetsWhatWasApprovedMeanwhileInOrder() throws Exception {
        Display display = display("AUTO");
        Replies.Sender sender = Replies.sender(api, display.channelId());
        String first;
        String second;
        String third;
        // The gateway's "stored" can come before the display hears the approval; a display open all along
        // shows when every approval has been pushed, so that the fresh one below can only get a replay.
        try (EventStream watching = events(display)) {
            first = sender.send(Replies.video(), "video/mp4", "first").messageId();
            second = sender.send(Replies.video(), "video/mp4", "second").messageId();
            third = sender.send(Replies.video(), "video/mp4", "third").messageId();
            watching.await(e -> third.equals(e.id()), PATIENCE, "the third message pushed live");
        }

        try (EventStream fresh = events(display);
                EventStream resumed = events(display, "Last-Event-ID", first);
                EventStream reopened =
                        EventStream.open(api.uri(display.path("events?after=" + first)), "display-after")) {
            for (EventStream stream : new EventStream[] {resumed, reopened}) {
                stream.await(e -> third.equals(e.id()), PATIENCE, "the third message");
                assertEquals(
                        Arrays.asList(second, third),
                        stream.heard().stream()
                                .filter(e -> "approved".equals(e.name()))
                                .map(EventStream.Event::id)
                                .toList());
            }
            assertTrue(
                    fresh.heard().stream().noneMatch(e -> "approved".equals(e.name())), "a new display starts afresh");
        }
    }

    @Test
    void anApprovedReplyIsServedAsSentUntilItsPlayableCopyIsMadeThenAsTheCopyWithRanges() throws Exception {
        Display display = display("AUTO");
        byte[] media = Replies.video();
        String messageId = Replies.sender(api, display.channelId())
                .send(media, "video/mp4", "Ranges")
                .messageId();
        AdminMessages.await(api, messageId, m -> "APPROVED".equals(m.getString("moderation")), "approved");
        URI uri = api.uri(display.path("media/" + messageId));
        HttpResponse<byte[]> early =
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] copy = MessageCopies.await(api, messageId, "playable", "video/mp4");
        assertTrue(
                Arrays.equals(media, early.body()) || Arrays.equals(copy, early.body()),
                "before its copy is made a display plays the reply as sent");

        HttpResponse<byte[]> whole =
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> part = http.send(
                HttpRequest.newBuilder(uri).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> beyond = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Range", "bytes=" + copy.length + "-")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, whole.statusCode());
        assertArrayEquals(copy, whole.body(), "the playable copy, which every browser plays");
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes 100-199/" + copy.length,
                part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(copy, 100, 200), part.body());
        assertEquals(416, beyond.statusCode());
        assertEquals(
                "bytes */" + copy.length,
                beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void aWrongKeyOrChannelIsNotFoundEverywhere() throws Exception {
        Display display = display("MANUAL");
        String pending = Replies.sender(api, display.channelId())
                .send(Replies.video(), "video/mp4", "Wait")
                .messageId();
        Display wrongKey = new Display(display.channelId(), "not-the-key");
        Display unknown = new Display("no-such-channel", display.key());

        for (Display refused : new Display[] {wrongKey, unknown}) {
            assertProblem(api.get(refused.path("events"), "Accept", "text/event-stream"), 404, "not-found");
            assertProblem(api.get(refused.path("media/" + pending)), 404, "not-found");
        }
        assertProblem(
                api.get("api/v1/display/" + display.channelId() + "/events", "Accept", "text/event-stream"),
                404,
                "not-found");
        assertProblem(api.get(display.path("media/" + pending)), 404, "not-found"); // not approved
        IllegalStateException refusedStream = assertThrows(IllegalStateException.class, () -> events(wrongKey));
        assertTrue(refusedStream.getMessage().contains("404"), refusedStream.getMessage());
    }

    @Test
    void thePageIsServedForAChannelWithAStrictPolicyAndNoReferrer() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(api.uri("display/any-channel")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(api.uri("display/assets/display.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<video id=\"player\""));
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals(200, script.statusCode());
        assertFalse(script.body().isBlank());
    }
}

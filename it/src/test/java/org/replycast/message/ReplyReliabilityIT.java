package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.GatewayClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.RestartableServer;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * The reliability test of the reply pipeline: fifty terminals send replies at once, half over WebSocket and
 * half over tus; WildFly is killed with {@code kill -9} while they are under way and started again; each then
 * resumes (WebSocket {@code resume}, tus {@code HEAD} then {@code PATCH}). Every acknowledged byte is kept,
 * every reply is stored once, byte for byte with the sender's SHA-256, and no file is left over.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ReplyReliabilityIT {

    private static final String DEPLOYMENT = "replycast-reply-reliability";
    private static final int TERMINALS = 50;
    private static final int SEGMENT_BYTES = 4 * 1024;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(RestartableServer.CONTAINER)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void fiftyRepliesGoThroughAKilledServerWithEveryAcknowledgedByteAndNothingTwice() throws Exception {
        byte[] video = TestMedia.video(8);
        RestartableServer.clearData();
        containers.start(RestartableServer.CONTAINER);
        ExecutorService senders = Executors.newFixedThreadPool(TERMINALS);
        try {
            deployer.deploy(DEPLOYMENT);
            ApiClient api = RestartableServer.api();
            String channelId = TestChannels.create(api, "\"captureEnabled\":false");
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < TERMINALS; i++) {
                TerminalSigner terminal = TestTerminals.register(api);
                HttpResponse<String> call =
                        api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
                assertEquals(201, call.statusCode(), call.body());
                String uplinkUrl = ApiClient.object(call).getString("uplinkUrl");
                replies.add(
                        i % 2 == 0
                                ? new WebSocketReply(api, terminal, uplinkUrl, video)
                                : new TusReply(api, terminal, uplinkUrl, video));
            }

            List<Future<?>> sending = new ArrayList<>();
            for (Reply reply : replies) {
                sending.add(senders.submit(() -> {
                    reply.sendUntilTheServerDies();
                    return null;
                }));
            }
            awaitEveryReplyAcknowledged(replies);
            ProcessHandle server = RestartableServer.process();
            server.destroyForcibly();
            server.onExit().get();
            for (Future<?> sender : sending) {
                sender.get();
            }
            assertTrue(
                    replies.stream().allMatch(reply -> reply.acknowledged < video.length),
                    "the server died in the middle of every reply");
            containers.kill(RestartableServer.CONTAINER);
            containers.start(RestartableServer.CONTAINER);

            List<Future<?>> resuming = new ArrayList<>();
            for (Reply reply : replies) {
                resuming.add(senders.submit(() -> {
                    reply.resumeAndFinish();
                    return null;
                }));
            }
            for (Future<?> resumed : resuming) {
                resumed.get();
            }

            for (Reply reply : replies) {
                JsonObject stored =
                        TerminalMessages.awaitState(api, reply.terminal, reply.messageId, "STORED", PATIENCE);
                assertEquals(TestMedia.sha256(video), stored.getString("sha256"), reply.messageId);
                JsonArray own = ApiClient.json(api.signed(reply.terminal, "GET", "api/v1/messages", null))
                        .asJsonArray();
                assertEquals(1, own.size(), "stored once: " + own);
            }
            Path messages =
                    RestartableServer.dataDirectory().resolve("messages").resolve(channelId);
            Set<String> expected =
                    replies.stream().map(reply -> reply.messageId + ".media").collect(Collectors.toSet());
            // Display copies (.mp4, .jpg) may be on their way; received bytes are only ever .part or .media.
            Set<String> received = fileNames(messages).stream()
                    .filter(name -> name.endsWith(".media") || name.endsWith(".part"))
                    .collect(Collectors.toSet());
            assertEquals(expected, received, "the stored replies, and no part left over");
            for (Reply reply : replies) {
                assertArrayEquals(video, Files.readAllBytes(messages.resolve(reply.messageId + ".media")));
            }
            assertEquals(Set.of(), fileNames(RestartableServer.dataDirectory().resolve("tmp")), "no spooled bodies");
        } finally {
            senders.shutdownNow();
            if (containers.isStarted(RestartableServer.CONTAINER)) {
                deployer.undeploy(DEPLOYMENT);
                containers.stop(RestartableServer.CONTAINER);
            }
        }
    }

    private static void awaitEveryReplyAcknowledged(List<Reply> replies) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!replies.stream().allMatch(reply -> reply.acknowledged >= 2 * SEGMENT_BYTES)) {
            assertTrue(Instant.now().isBefore(deadline), "not every reply was under way within " + PATIENCE);
            Thread.sleep(50);
        }
    }

    private static Set<String> fileNames(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** One terminal's reply: sent at a recorder's pace until the server dies, then resumed and finished. */
    private abstract static class Reply {

        final ApiClient api;
        final TerminalSigner terminal;
        final String uplinkUrl;
        final byte[] video;
        volatile String messageId;
        volatile long acknowledged;

        Reply(ApiClient api, TerminalSigner terminal, String uplinkUrl, byte[] video) {
            this.api = api;
            this.terminal = terminal;
            this.uplinkUrl = uplinkUrl;
            this.video = video;
        }

        abstract void sendUntilTheServerDies() throws Exception;

        /** Continues from where the server says it has the bytes, which must cover every acknowledged one. */
        abstract void resumeAndFinish() throws Exception;
    }

    private static final class WebSocketReply extends Reply {

        WebSocketReply(ApiClient api, TerminalSigner terminal, String uplinkUrl, byte[] video) {
            super(api, terminal, uplinkUrl, video);
        }

        @Override
        void sendUntilTheServerDies() throws Exception {
            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                messageId = gateway.start("video/mp4", "Through a crash by WebSocket");
                for (int at = 0; at < video.length; at += SEGMENT_BYTES) {
                    gateway.segment(video, at, Math.min(SEGMENT_BYTES, video.length - at));
                    JsonObject reply = gateway.next();
                    if (!"ack".equals(reply.getString("type"))) {
                        return;
                    }
                    acknowledged = reply.getJsonNumber("offset").longValue();
                    Thread.sleep(PACE.toMillis());
                }
            } catch (java.util.concurrent.CompletionException serverGone) {
                // the segment could not be sent: the server is dead
            }
        }

        @Override
        void resumeAndFinish() throws Exception {
            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                gateway.resume(messageId);
                long offset = gateway.next("started").getJsonNumber("offset").longValue();
                assertTrue(
                        offset >= acknowledged, messageId + " resumed at " + offset + ", acknowledged " + acknowledged);
                gateway.sendInSegments(video, (int) offset, video.length, 64 * 1024, Duration.ZERO);
                gateway.end(TestMedia.sha256(video));
                assertEquals(
                        video.length,
                        gateway.next("stored").getJsonNumber("bytes").longValue());
            }
        }
    }

    private static final class TusReply extends Reply {

        private final HttpClient http = HttpClient.newHttpClient();
        private URI upload;

        TusReply(ApiClient api, TerminalSigner terminal, String uplinkUrl, byte[] video) {
            super(api, terminal, uplinkUrl, video);
        }

        @Override
        void sendUntilTheServerDies() throws Exception {
            URI uploads = api.uri(uplinkUrl.substring(1) + "/tus/");
            HttpResponse<String> created = send(HttpRequest.newBuilder(uploads)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Upload-Length", String.valueOf(video.length))
                    .header("Upload-Metadata", "filetype dmlkZW8vbXA0"));
            assertEquals(201, created.statusCode(), created.body());
            upload = uploads.resolve(created.headers().firstValue("Location").orElseThrow());
            messageId = upload.getPath().substring(upload.getPath().lastIndexOf('/') + 1);
            try {
                for (int at = 0; at < video.length; at += SEGMENT_BYTES) {
                    HttpResponse<String> patched = patch(at, Math.min(SEGMENT_BYTES, video.length - at));
                    if (patched.statusCode() != 204) {
                        return;
                    }
                    acknowledged = Long.parseLong(
                            patched.headers().firstValue("Upload-Offset").orElseThrow());
                    Thread.sleep(PACE.toMillis());
                }
            } catch (java.io.IOException serverGone) {
                // the PATCH got no answer: the server is dead
            }
        }

        @Override
        void resumeAndFinish() throws Exception {
            HttpResponse<String> head =
                    send(HttpRequest.newBuilder(upload).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode(), messageId);
            long offset =
                    Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
            assertTrue(offset >= acknowledged, messageId + " resumed at " + offset + ", acknowledged " + acknowledged);
            HttpResponse<String> rest = patch(offset, video.length - (int) offset);
            assertEquals(204, rest.statusCode(), rest.body());
        }

        private HttpResponse<String> patch(long offset, int length) throws Exception {
            return send(HttpRequest.newBuilder(upload)
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(video, (int) offset, length))
                    .header("Upload-Offset", String.valueOf(offset))
                    .header("Content-Type", "application/offset+octet-stream"));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(
                    request.header("Tus-Resumable", "1.0.0").timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

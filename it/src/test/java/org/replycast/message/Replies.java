package org.replycast.message;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.replycast.testing.ApiClient;
import org.replycast.testing.StoredRepliesResource;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * Reply messages for system tests: a terminal in a call to itself on a channel sends a reply through the
 * gateway's WebSocket exactly as PROTOCOL.md section 5 says ({@code start}, binary segments, {@code end}
 * with the SHA-256, then {@code stored}). Until the gateway is in the build, {@code
 * -Dreplycast.it.replies=stand-in} (the default) sends it to {@link StoredRepliesResource} instead, which
 * stores it as the storage server would; tests that use it deploy that resource.
 */
public final class Replies {

    /** Segments as a recorder sends them, well under the protocol's 1 MiB. */
    private static final int SEGMENT_BYTES = 64 * 1024;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Replies() {}

    /** A reply that the server has taken. */
    public record Reply(String messageId, long bytes, String sha256) {}

    /** Whether replies go through the real gateway. */
    static boolean throughGateway() {
        return "websocket".equals(System.getProperty("replycast.it.replies", "stand-in"));
    }

    /** A terminal, registered anew, in a connected call to itself on the channel: one who replies. */
    public static Sender sender(ApiClient api, String channelId) {
        TerminalSigner terminal = TestTerminals.register(api);
        HttpResponse<String> call =
                api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
        if (call.statusCode() != 201) {
            throw new IllegalStateException("could not start a call: " + call.body());
        }
        JsonObject connected = ApiClient.object(call);
        return new Sender(api, terminal, connected.getString("callId"), connected.getString("uplinkUrl"));
    }

    /** A terminal in a connected call, sending replies on its uplink. */
    public record Sender(ApiClient api, TerminalSigner terminal, String callId, String uplinkUrl) {

        /** Sends a whole reply and returns once the server answers that it is stored. */
        public Reply send(byte[] media, String contentType, String title) {
            return throughGateway()
                    ? overWebSocket(media, contentType, title, true)
                    : standIn(media, contentType, title, true);
        }

        /** Sends a reply's start signal and its bytes, but no end signal: the message stays {@code RECEIVING}. */
        public String begin(byte[] media, String contentType, String title) {
            return (throughGateway()
                            ? overWebSocket(media, contentType, title, false)
                            : standIn(media, contentType, title, false))
                    .messageId();
        }

        private Reply standIn(byte[] media, String contentType, String title, boolean end) {
            HttpResponse<String> stored = api.sendBytes(
                    "POST",
                    "api/it/stored-replies?callId=" + callId + "&contentType=" + encoded(contentType) + "&title="
                            + encoded(title) + "&end=" + end,
                    "application/octet-stream",
                    media);
            if (stored.statusCode() != 200) {
                throw new IllegalStateException("the stand-in did not store the reply: " + stored.body());
            }
            JsonObject reply = ApiClient.object(stored);
            return new Reply(
                    reply.getString("messageId"), reply.getJsonNumber("bytes").longValue(), reply.getString("sha256"));
        }

        private Reply overWebSocket(byte[] media, String contentType, String title, boolean end) {
            URI base = api.base();
            URI uri = URI.create("ws://" + base.getAuthority() + uplinkUrl + "/ws");
            LinkedBlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(uri, new Answers(answers))
                    .join();
            try {
                socket.sendText(
                                Json.createObjectBuilder()
                                        .add("type", "start")
                                        .add("contentType", contentType)
                                        .add("title", title)
                                        .build()
                                        .toString(),
                                true)
                        .join();
                String messageId = await(answers, "started").getString("messageId");
                for (int from = 0; from < media.length; from += SEGMENT_BYTES) {
                    int to = Math.min(media.length, from + SEGMENT_BYTES);
                    socket.sendBinary(ByteBuffer.wrap(media, from, to - from), true)
                            .join();
                }
                String sha256 = sha256(media);
                if (!end) {
                    return new Reply(messageId, media.length, sha256);
                }
                socket.sendText("{\"type\":\"end\",\"sha256\":\"" + sha256 + "\"}", true)
                        .join();
                JsonObject stored = await(answers, "stored");
                return new Reply(messageId, stored.getJsonNumber("bytes").longValue(), stored.getString("sha256"));
            } finally {
                if (end) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
                } else {
                    socket.abort();
                }
            }
        }
    }

    /** Waits for the answer of the type, past acknowledgements; an error answer fails at once. */
    private static JsonObject await(LinkedBlockingQueue<JsonObject> answers, String type) {
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonObject answer = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (answer == null) {
                    break;
                }
                if (type.equals(answer.getString("type"))) {
                    return answer;
                }
                if ("error".equals(answer.getString("type"))) {
                    throw new IllegalStateException("the gateway refused the reply: " + answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + type + " from the gateway within " + PATIENCE);
    }

    /** The gateway's text answers, as JSON, in order. */
    private record Answers(LinkedBlockingQueue<JsonObject> answers) implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
            // Answers are small; each arrives as one frame.
            try (var reader = Json.createReader(new StringReader(text.toString()))) {
                answers.add(reader.readObject());
            }
            socket.request(1);
            return null;
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] media) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(media));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

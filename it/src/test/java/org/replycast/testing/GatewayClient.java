package org.replycast.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A terminal's WebSocket connection to the gateway at a call's {@code uplinkUrl} + {@code /ws} (PROTOCOL.md
 * section 5), with the JDK's own client: sends commands and segments, and hands out the gateway's replies in
 * order, each waited for with a deadline.
 */
public final class GatewayClient implements AutoCloseable {

    /** How long a reply may take: a stored outcome includes hashing and probing on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GatewayClient(URI uri) {
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(PATIENCE)
                .buildAsync(uri, new Listener())
                .join();
    }

    /** Connects to the gateway of a call's uplink URL (such as {@code /gateway/abc}) on the server of the client. */
    public static GatewayClient connect(ApiClient api, String uplinkUrl) {
        URI http = api.uri(uplinkUrl.substring(1) + "/ws");
        return new GatewayClient(URI.create(http.toString().replaceFirst("^http", "ws")));
    }

    /** Sends a command, such as {@code {"type":"start","contentType":"video/mp4"}}. */
    public GatewayClient send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** Sends one segment as one binary message. */
    public GatewayClient segment(byte[] bytes, int from, int length) {
        socket.sendBinary(ByteBuffer.wrap(bytes, from, length), true).join();
        return this;
    }

    /** The next reply of the gateway. */
    public JsonObject next() throws InterruptedException {
        JsonObject reply = replies.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError("no reply from the gateway within " + PATIENCE);
        }
        return reply;
    }

    /** The next reply, which must be of the type given (an error says what it was otherwise). */
    public JsonObject next(String type) throws InterruptedException {
        JsonObject reply = next();
        if (!type.equals(reply.getString("type"))) {
            throw new AssertionError("expected a " + type + " reply, got " + reply);
        }
        return reply;
    }

    /** Starts a new message and returns its id. */
    public String start(String contentType, String title) throws InterruptedException {
        send(Json.createObjectBuilder()
                .add("type", "start")
                .add("contentType", contentType)
                .add("title", title)
                .build()
                .toString());
        return next("started").getString("messageId");
    }

    /** Sends the end signal with the SHA-256 (lower-case hex) of the whole message. */
    public GatewayClient end(String sha256) {
        return send("{\"type\":\"end\",\"sha256\":\"" + sha256 + "\"}");
    }

    /** Asks to continue a message whose connection dropped; the gateway answers {@code started} or an error. */
    public GatewayClient resume(String messageId) {
        return send("{\"type\":\"start\",\"resume\":\"" + messageId + "\"}");
    }

    /** Sends the bytes in segments of the size given, each after the pause, and waits for each segment's ack. */
    public long sendInSegments(byte[] bytes, int from, int to, int segmentBytes, Duration pause)
            throws InterruptedException {
        long acknowledged = -1;
        for (int at = from; at < to; at += segmentBytes) {
            segment(bytes, at, Math.min(segmentBytes, to - at));
            acknowledged = next("ack").getJsonNumber("offset").longValue();
            Thread.sleep(pause.toMillis());
        }
        return acknowledged;
    }

    /** The close code when the gateway closed the connection, waiting for it up to the deadline. */
    public int awaitClosed() {
        return closed.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Drops the connection without a close handshake, as a phone that loses its network does. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(gone -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(text.toString()))) {
                    replies.add(reader.readObject());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}

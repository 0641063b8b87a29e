package org.replycast.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One reply sent to Replycast's gateway over WebSocket exactly as PROTOCOL.md section 5 says: {@code start},
 * binary segments, {@code end} with the SHA-256, and the wait for {@code stored}; an {@code error} fails the
 * upload with its code and detail.
 */
final class GatewayUpload implements PacedUploads.Upload {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI socketUri;
    private final BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
    private WebSocket socket;

    /** @param uplinkUri the call's {@code uplinkUrl} as an absolute http URI */
    GatewayUpload(HttpClient http, URI uplinkUri) {
        this.http = http;
        this.socketUri = URI.create(uplinkUri.toString().replaceFirst("^http", "ws") + "/ws");
    }

    @Override
    public void start() throws Exception {
        socket = http.newWebSocketBuilder()
                .connectTimeout(ANSWER_TIMEOUT)
                .buildAsync(socketUri, new Answers())
                .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"start\",\"contentType\":\"video/webm\",\"title\":\"Benchmark reply\"}", true)
                .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitAnswer("started");
    }

    @Override
    public void send(ByteBuffer segment) throws Exception {
        socket.sendBinary(segment, true).get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public PacedUploads.Outcome finish(String sha256) throws Exception {
        socket.sendText("{\"type\":\"end\",\"sha256\":\"" + sha256 + "\"}", true)
                .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonObject stored = awaitAnswer("stored");
        return new PacedUploads.Outcome(stored.getJsonNumber("bytes").longValue(), stored.getString("sha256"));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            socket.abort();
        }
    }

    private JsonObject awaitAnswer(String type) throws Exception {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            JsonObject answer = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (answer == null) {
                throw new IllegalStateException(
                        "no " + type + " from the gateway within " + ANSWER_TIMEOUT.toSeconds() + " s");
            }
            String received = answer.getString("type", "");
            if (received.equals(type)) {
                return answer;
            }
            if (received.equals("error")) {
                throw new IllegalStateException(
                        "gateway error " + answer.getString("code", "") + ": " + answer.getString("detail", ""));
            }
        }
    }

    /** Collects the gateway's text messages, which may arrive in parts. */
    private final class Answers implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject answer =
                        Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                // Acks only tell that segments are durable; the upload waits for started and stored.
                if (!"ack".equals(answer.getString("type", ""))) {
                    answers.add(answer);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            answers.add(Json.createObjectBuilder()
                    .add("type", "error")
                    .add("code", "closed")
                    .add("detail", "the gateway closed the connection: " + statusCode + " " + reason)
                    .build());
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            answers.add(Json.createObjectBuilder()
                    .add("type", "error")
                    .add("code", "transport")
                    .add("detail", String.valueOf(error))
                    .build());
        }
    }
}

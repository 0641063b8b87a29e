package org.replycast.message;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.replycast.testing.ApiClient;
import org.replycast.testing.GatewayClient;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * Reply messages for system tests: a terminal, registered anew, in a call to itself on a channel sends a
 * reply through the gateway's WebSocket exactly as PROTOCOL.md section 5 says ({@code start}, binary
 * segments, {@code end} with the SHA-256, then {@code stored}), for tests of what happens to stored replies.
 */
public final class Replies {

    /** Segments as a recorder sends them, well under the protocol's 1 MiB. */
    private static final int SEGMENT_BYTES = 64 * 1024;

    private static byte[] video;

    private Replies() {}

    /** Eight seconds of picture and sound as a phone records a reply, made once per run. */
    public static synchronized byte[] video() throws IOException, InterruptedException {
        if (video == null) {
            video = TestMedia.video(8);
        }
        return video.clone();
    }

    /** A reply that the server has taken. */
    public record Reply(String messageId, long bytes, String sha256) {}

    /** A terminal in a connected call to itself on the channel: one who replies. */
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

        /** Sends a whole reply and returns once the gateway answers that it is stored. */
        public Reply send(byte[] media, String contentType, String title) throws InterruptedException {
            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                String messageId = gateway.start(contentType, title);
                gateway.sendInSegments(media, 0, media.length, SEGMENT_BYTES, Duration.ZERO);
                gateway.send("{\"type\":\"end\",\"sha256\":\"" + TestMedia.sha256(media) + "\"}");
                JsonObject stored = gateway.next("stored");
                return new Reply(messageId, stored.getJsonNumber("bytes").longValue(), stored.getString("sha256"));
            }
        }

        /** Sends a reply's start signal and its bytes, but no end signal: the message stays {@code RECEIVING}. */
        public String begin(byte[] media, String contentType, String title) throws InterruptedException {
            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                String messageId = gateway.start(contentType, title);
                gateway.sendInSegments(media, 0, media.length, SEGMENT_BYTES, Duration.ZERO);
                return messageId;
            }
        }
    }
}

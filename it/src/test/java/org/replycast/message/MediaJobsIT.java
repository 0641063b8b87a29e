package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.media.ProbedMedia;
import org.replycast.testing.ApiClient;
import org.replycast.testing.GatewayClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.MessageCopies;
import org.replycast.testing.ReplyCall;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;

/**
 * The media worker against the real EAR: a reply sent over the WebSocket gateway gets, through the queue
 * MediaJobs, a playable copy (MP4, H.264 and AAC, its index before its data) and a thumbnail, which
 * administrators download; a reply without video gets an audio-only copy and a waveform; the original stays
 * byte for byte as sent.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class MediaJobsIT {

    private static final String ADMIN_MESSAGES = "api/v1/admin/messages/";

    private final ApiClient api = new ApiClient();
    private ReplyCall call;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @BeforeEach
    void connectedCall() {
        call = ReplyCall.open(api, "\"captureEnabled\":false,\"maxMessageBytes\":4000000");
    }

    @AfterEach
    void removeChannel() {
        TestChannels.remove(api, call.channelId());
    }

    @Test
    void aVideoReplyGetsAFastStartH264AacCopyAndAThumbnailWhileTheOriginalStaysAsSent() throws Exception {
        // Matroska with MPEG-4 part 2 and MP2: nothing a browser plays, so the copy must transcode it.
        byte[] original = TestMedia.testPicture(3, ".mkv", "-c:v", "mpeg4", "-c:a", "mp2");
        String messageId = send(original, "video/x-matroska");

        byte[] playable = MessageCopies.await(api, messageId, "playable", "video/mp4");
        ProbedMedia copy = probe(playable);
        assertEquals(List.of("h264"), copy.videoCodecs(), copy.toString());
        assertEquals(List.of("aac"), copy.audioCodecs(), copy.toString());
        assertFastStart(playable);
        assertJpeg(MessageCopies.download(api, messageId, "thumbnail", null));

        HttpResponse<byte[]> part = MessageCopies.download(api, messageId, "playable", "bytes=0-99");
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes 0-99/" + playable.length,
                part.headers().firstValue("Content-Range").orElse(""));
        assertEquals(100, part.body().length);

        HttpResponse<byte[]> media = TerminalMessages.media(api, call.terminal(), messageId, null);
        assertEquals(200, media.statusCode());
        assertArrayEquals(original, media.body(), "the original is byte for byte as sent");
    }

    @Test
    void anAudioReplyGetsAnAudioOnlyCopyAndAWaveform() throws Exception {
        byte[] original =
                TestMedia.make(".wav", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "3", "-c:a", "pcm_s16le");
        String messageId = send(original, "audio/wav");

        byte[] playable = MessageCopies.await(api, messageId, "playable", "audio/mp4");
        ProbedMedia copy = probe(playable);
        assertEquals(List.of(), copy.videoCodecs(), copy.toString());
        assertEquals(List.of("aac"), copy.audioCodecs(), copy.toString());
        assertFastStart(playable);
        assertJpeg(MessageCopies.download(api, messageId, "thumbnail", null));
        assertArrayEquals(
                original,
                TerminalMessages.media(api, call.terminal(), messageId, null).body());
    }

    @Test
    void theCopiesAreForAdministratorsAndNotFoundForAnUnknownMessage() {
        assertProblem(
                api.get(ADMIN_MESSAGES + "no-such-message/playable", KeycloakServer.adminAuthorization()),
                404,
                "not-found");
        assertProblem(
                api.get(ADMIN_MESSAGES + "no-such-message/thumbnail", KeycloakServer.adminAuthorization()),
                404,
                "not-found");
        assertEquals(401, api.get(ADMIN_MESSAGES + "no-such-message/playable").statusCode());
    }

    /** Sends the whole reply over the WebSocket gateway and returns its id once it is stored. */
    private String send(byte[] bytes, String contentType) throws InterruptedException {
        try (GatewayClient gateway = GatewayClient.connect(api, call.uplinkUrl())) {
            String messageId = gateway.start(contentType, "Copy me");
            gateway.sendInSegments(bytes, 0, bytes.length, 256 * 1024, Duration.ZERO);
            gateway.end(TestMedia.sha256(bytes));
            gateway.next("stored");
            return messageId;
        }
    }

    /** The copy once the media worker has made it: 404 not-found until then, polled with a deadline. */
    private static ProbedMedia probe(byte[] mp4) throws Exception {
        ProbedMedia probed = TestMedia.probe(mp4, ".mp4");
        assertTrue(probed.container().contains("mp4"), probed.toString());
        return probed;
    }

    /** Fast start: the top-level {@code moov} box (the index) comes before the {@code mdat} box (the data). */
    private static void assertFastStart(byte[] mp4) {
        List<String> boxes = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = Integer.toUnsignedLong(buffer.getInt());
            byte[] type = new byte[4];
            buffer.get(type);
            if (size == 1) {
                size = buffer.getLong();
            } else if (size == 0) {
                size = mp4.length - start;
            }
            boxes.add(new String(type, StandardCharsets.US_ASCII));
            buffer.position((int) (start + size));
        }
        assertTrue(boxes.contains("moov") && boxes.contains("mdat"), boxes.toString());
        assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "moov before mdat: " + boxes);
    }

    private static void assertJpeg(HttpResponse<byte[]> thumbnail) {
        assertEquals(200, thumbnail.statusCode());
        assertEquals(
                "image/jpeg", thumbnail.headers().firstValue("Content-Type").orElse(""));
        byte[] body = thumbnail.body();
        assertTrue(body.length > 3 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xd8, "a JPEG");
    }
}

package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.replycast.call.ConnectedCall;
import org.replycast.message.Message;
import org.replycast.message.MessageRejection;
import org.replycast.message.Uplink;
import org.replycast.message.UplinkRefusal;
import org.replycast.message.UplinkService;

/** The gateway's protocol (PROTOCOL.md section 5) on one connection, against a recording uplink service. */
class GatewaySessionTest {

    private static final ConnectedCall CALL = new ConnectedCall("call-1", "hall-1", "T-1");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final RecordingUplinks uplinks = new RecordingUplinks();
    private final List<JsonObject> replies = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private final AtomicReference<Optional<ConnectedCall>> call = new AtomicReference<>(Optional.of(CALL));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AwaitedOutcomes outcomes = new AwaitedOutcomes();
    private final GatewaySession session = new GatewaySession(
            call::get,
            uplinks,
            new GatewayConnection() {
                @Override
                public void send(String json) {
                    synchronized (replies) {
                        try (var reader = Json.createReader(new StringReader(json))) {
                            replies.add(reader.readObject());
                        }
                    }
                }

                @Override
                public void close(String reason) {
                    closes.add(reason);
                }
            },
            scheduler,
            outcomes,
            Duration.ofSeconds(5));

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aMessageIsStartedAcknowledgedSegmentBySegmentAndStored() throws Exception {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\",\"title\":\"Hi\"}");
        assertEquals("started", last().getString("type"));
        assertEquals("m-1", last().getString("messageId"));

        segment(new byte[1000]);
        assertEquals(1000, last().getInt("offset"));
        segment(new byte[24]);
        assertEquals("ack", last().getString("type"));
        assertEquals(1024, last().getInt("offset"));

        session.text("{\"type\":\"end\",\"sha256\":\"" + SHA256 + "\"}");
        assertEquals(List.of("open", "append 0+1000", "append 1000+24", "end 1024"), uplinks.calls);
        uplinks.store(1024);
        JsonObject stored = awaitReply("stored");
        assertEquals(1024, stored.getInt("bytes"));
        assertEquals(SHA256, stored.getString("sha256"));
    }

    @Test
    void segmentsBeforeStartAndAfterEndAreRefused() throws Exception {
        segment(new byte[10]);
        assertError("not-started");

        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        session.text("{\"type\":\"end\",\"sha256\":\"" + SHA256 + "\"}");
        segment(new byte[10]);
        assertError("ended");
        uplinks.store(0);
        awaitReply("stored");
        segment(new byte[10]);
        assertError("ended");
    }

    @Test
    void aSecondStartIsRefusedAndTheFirstMessageGoesOn() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        assertError("already-started");
        assertEquals("m-1", last().getString("messageId"));
        segment(new byte[10]);
        assertEquals("ack", last().getString("type"));
    }

    @Test
    void aFrameOverOneMebibyteIsRefusedWithoutKeepingItAndDropsTheMessage() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        session.binary(ByteBuffer.allocate(UplinkService.SEGMENT_BYTES), false);
        session.binary(ByteBuffer.allocate(1), true);

        assertError("frame-too-large");
        assertEquals("abort FRAME_TOO_LARGE", uplinks.calls.get(uplinks.calls.size() - 1));
        segment(new byte[10]);
        assertError("ended");
    }

    @Test
    void aSegmentInSeveralFramesIsOneSegment() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        session.binary(ByteBuffer.allocate(600), false);
        session.binary(ByteBuffer.allocate(400), true);
        assertEquals("ack", last().getString("type"));
        assertEquals(1000, last().getInt("offset"));
        assertEquals("append 0+1000", uplinks.calls.get(uplinks.calls.size() - 1));
    }

    @Test
    void aRefusalOfTheUplinkServiceIsAnErrorWithItsCode() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        uplinks.refuseNext = new UplinkRefusal(MessageRejection.TOO_LARGE, "too large");
        segment(new byte[10]);
        assertError("message-too-large");
    }

    @Test
    void aClosedConnectionSuspendsTheMessageUnderWay() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        session.closed();
        assertEquals("suspend", uplinks.calls.get(uplinks.calls.size() - 1));
    }

    @Test
    void aCallThatEndedStopsTheUplink() {
        session.text("{\"type\":\"start\",\"contentType\":\"video/webm\"}");
        call.set(Optional.empty());
        segment(new byte[10]);
        assertError("not-found");
        assertEquals(1, closes.size());
        assertEquals("suspend", uplinks.calls.get(uplinks.calls.size() - 1));
    }

    @Test
    void aConnectionWhoseTokenNamesNoConnectedCallIsRefusedAndClosed() {
        call.set(Optional.empty());
        session.opened();
        assertError("not-found");
        assertEquals(1, closes.size());
    }

    @Test
    void unreadableCommandsAreInvalid() {
        session.text("not json");
        assertError("invalid");
        session.text("{\"type\":\"start\",\"colour\":\"red\"}");
        assertError("invalid");
        session.text("{\"type\":\"dance\"}");
        assertError("invalid");
    }

    private void segment(byte[] bytes) {
        session.binary(ByteBuffer.wrap(bytes), true);
    }

    private JsonObject last() {
        synchronized (replies) {
            return replies.get(replies.size() - 1);
        }
    }

    private void assertError(String code) {
        assertEquals("error", last().getString("type"), last().toString());
        assertEquals(code, last().getString("code"), last().toString());
        assertTrue(!last().getString("detail").isBlank());
    }

    private JsonObject awaitReply(String type) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            synchronized (replies) {
                if (!replies.isEmpty() && type.equals(last().getString("type"))) {
                    return last();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type + " reply: " + replies);
    }

    /** An uplink service that records what the session asks of it, and stores when told. */
    private static final class RecordingUplinks extends UplinkService {

        final List<String> calls = new ArrayList<>();
        volatile Message message;
        UplinkRefusal refuseNext;

        @Override
        public Uplink open(ConnectedCall call, String contentType, String title, Long declaredBytes, String session) {
            calls.add("open");
            message = new Message(
                    "m-1", call.callId(), call.channelId(), call.terminalId(), contentType, title, Instant.now());
            return new Uplink("m-1", 10_000_000, null, 0);
        }

        @Override
        public long append(Uplink uplink, long offset, byte[] bytes, int from, int length) {
            if (refuseNext != null) {
                throw refuseNext;
            }
            calls.add("append " + offset + "+" + length);
            return offset + length;
        }

        @Override
        public void end(Uplink uplink, long length, String sha256) {
            calls.add("end " + length);
        }

        @Override
        public void abort(String messageId, MessageRejection rejection, String reason) {
            calls.add("abort " + rejection);
        }

        @Override
        public void suspend(String messageId, String session) {
            calls.add("suspend");
        }

        @Override
        public Optional<Message> find(String messageId) {
            return Optional.of(message);
        }

        void store(long bytes) {
            message.countReceived(bytes);
            message.store(bytes, SHA256, 1000L, Instant.now());
        }
    }
}

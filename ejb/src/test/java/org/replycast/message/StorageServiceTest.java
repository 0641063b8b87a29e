package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.data.DataDirectory;

/** The storage server's steps on real files, without a container: idempotent by offset, checked at the end. */
class StorageServiceTest {

    private static final byte[] BYTES = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDirectory;

    private final Map<String, Message> rows = new HashMap<>();
    private final List<MessageChanged> announced = new ArrayList<>();
    private final List<ReplyStored> stored = new ArrayList<>();
    private final List<Object> firedInOrder = new ArrayList<>();
    private final StorageService storage = new StorageService();
    private Message message;
    private Channel channel;

    @BeforeEach
    void aReceivingMessage() throws Exception {
        storage.messages = new MessageRepository() {
            @Override
            public Optional<Message> findById(String messageId) {
                return Optional.ofNullable(rows.get(messageId));
            }
        };
        Channel channel = new Channel("hall-1", "Hall", "UTC", "test", "key");
        storage.channels = new ChannelRepository() {
            @Override
            public Optional<Channel> findById(String channelId) {
                return Optional.of(channel).filter(found -> !found.isRemoved());
            }
        };
        this.channel = channel;
        storage.files = new MessageFiles();
        storage.digests = new ReceivedDigests();
        storage.files.dataDirectory = new DataDirectory() {
            @Override
            public Path resolve(String place) {
                return dataDirectory.resolve(place);
            }
        };
        storage.changes = new RecordingEvent<>(announced, firedInOrder);
        storage.storedReplies = new RecordingEvent<>(stored, firedInOrder);
        message = new Message("m-1", "call-1", "hall-1", "T-1", "video/webm", null, Instant.now());
        message.receive(storage.files.partOf("hall-1", "m-1"), "session-1", null);
        rows.put("m-1", message);
        storage.begin("m-1");
    }

    @Test
    void segmentsAreAppendedOnceByOffset() throws Exception {
        storage.append("m-1", 0, slice(0, 400));
        storage.append("m-1", 0, slice(0, 400)); // delivered again
        storage.append("m-1", 200, slice(200, 600)); // overlaps: its first 200 bytes are known
        storage.append("m-1", 600, slice(600, 1000));

        assertEquals(1000, storage.files.bytesOf(message));
        assertArrayEquals(BYTES, Files.readAllBytes(part()));
        assertEquals(List.of(), announced, "a segment changes nothing in the row");
    }

    @Test
    void aGapIsRefusedAndChangesNothing() throws Exception {
        storage.append("m-1", 0, slice(0, 400));

        assertThrows(IllegalStateException.class, () -> storage.append("m-1", 500, slice(500, 1000)));

        assertEquals(400, storage.files.bytesOf(message));
        assertEquals(400, Files.size(part()));
    }

    @Test
    void aTailTornByACrashIsMendedByThePartsDeliveredAgain() throws Exception {
        storage.append("m-1", 0, slice(0, 400));
        storage.append("m-1", 400, slice(400, 700));
        try (var file = java.nio.channels.FileChannel.open(part(), java.nio.file.StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[250]), 450);
        }

        storage.append("m-1", 400, slice(400, 700));
        storage.append("m-1", 700, slice(700, 1000));

        assertArrayEquals(BYTES, Files.readAllBytes(part()));
    }

    @Test
    void bytesBeyondTheDeclaredLengthAreRefusedAndNotWritten() throws Exception {
        message.declareLength(600);
        storage.append("m-1", 0, slice(0, 400));

        assertThrows(IllegalArgumentException.class, () -> storage.append("m-1", 400, slice(400, 1000)));

        assertEquals(400, Files.size(part()));
    }

    @Test
    void aChecksumThatDoesNotMatchRejectsTheMessageAndRemovesItsBytes() throws Exception {
        storage.append("m-1", 0, BYTES);

        storage.end("m-1", BYTES.length, sha256("something else".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(MessageState.REJECTED, message.getState());
        assertEquals(MessageRejection.CHECKSUM_MISMATCH, message.getRejection());
        assertNull(message.getMediaPath());
        assertFalse(Files.exists(dataDirectory.resolve("messages/hall-1/m-1.part")));
        assertEquals(MessageState.REJECTED, announced.get(announced.size() - 1).state());
        assertEquals(List.of(), stored, "a rejected reply gets no display copy");
    }

    @Test
    void aStoredReplyGetsOneMediaJobSayingWhetherItHasVideo() throws Exception {
        byte[] tone = TestWav.tone(1);
        storage.append("m-1", 0, tone);

        storage.end("m-1", tone.length, sha256(tone));

        assertEquals(MessageState.STORED, message.getState());
        assertEquals("messages/hall-1/m-1.media", message.getMediaPath());
        assertEquals(tone.length, message.getBytes());
        assertEquals(List.of(new ReplyStored("m-1", false)), stored);
    }

    @Test
    void aStoredReplyIsAnnouncedBeforeItsMediaJobIsAskedFor() throws Exception {
        byte[] tone = TestWav.tone(1);
        storage.append("m-1", 0, tone);
        firedInOrder.clear();

        storage.end("m-1", tone.length, sha256(tone));

        // The order of firing is the order in which observers after success register; the sender waits for the first.
        assertEquals(
                List.of(MessageChanged.class, ReplyStored.class),
                firedInOrder.stream().map(Object::getClass).toList());
    }

    @Test
    void aReplyWhoseChannelWasRemovedBeforeItsEndIsDroppedWithItsBytes() throws Exception {
        byte[] tone = TestWav.tone(1);
        storage.append("m-1", 0, tone);
        channel.remove(Instant.now());

        storage.end("m-1", tone.length, sha256(tone));

        assertEquals(MessageState.REJECTED, message.getState());
        assertEquals(MessageRejection.ABORTED, message.getRejection());
        assertEquals("The channel was removed before the reply ended.", message.getReason());
        assertFalse(Files.exists(dataDirectory.resolve("messages/hall-1/m-1.part")));
        assertEquals(List.of(), stored);
    }

    @Test
    void anEndBeforeAllBytesArrivedWaitsForThem() throws Exception {
        storage.append("m-1", 0, slice(0, 400));

        assertThrows(IllegalStateException.class, () -> storage.end("m-1", BYTES.length, sha256(BYTES)));

        assertEquals(MessageState.RECEIVING, message.getState());
    }

    @Test
    void aSuspendOfAnotherConnectionThanTheCurrentOneIsIgnored() throws Exception {
        storage.append("m-1", 0, slice(0, 400));
        storage.takeUplink("m-1", "session-2");
        storage.suspend("m-1", "session-1");
        assertEquals(MessageState.RECEIVING, message.getState());

        storage.suspend("m-1", "session-2");
        assertEquals(MessageState.INCOMPLETE, message.getState());
        assertEquals(400, message.getBytes(), "the pause counts the bytes");
        assertTrue(Files.exists(part()), "an incomplete message keeps its bytes for a resume");
    }

    @Test
    void aResumeContinuesFromTheBytesTheFileHas() throws Exception {
        storage.takeUplink("m-1", "session-2");
        storage.append("m-1", 0, slice(0, 400));
        assertEquals(0, message.getBytes(), "not counted in the row while received");

        storage.takeUplink("m-1", "session-3");

        assertEquals(400, message.getBytes());
        assertEquals("session-3", message.getUplinkSession());
    }

    @Test
    void anIdleMessageIsGivenUpWithItsBytesOnlyAfterTheIdleTime() throws Exception {
        storage.append("m-1", 0, BYTES);
        // The row's last write is its creation here (no JPA to stamp it): an hour ago, for the test.
        Instant lastWrite = Instant.now().minus(Duration.ofHours(1));
        setUpdatedAt(message, lastWrite);
        Files.setLastModifiedTime(part(), java.nio.file.attribute.FileTime.from(lastWrite));

        Optional<Instant> later = storage.expireIfIdle("m-1", Duration.ofHours(2));
        assertEquals(Optional.of(lastWrite.plus(Duration.ofHours(2))), later);
        assertEquals(MessageState.RECEIVING, message.getState());

        assertEquals(Optional.empty(), storage.expireIfIdle("m-1", Duration.ofMinutes(30)));
        assertEquals(MessageState.INCOMPLETE, message.getState());
        assertFalse(message.isContinuable());
        assertFalse(Files.exists(dataDirectory.resolve("messages/hall-1/m-1.part")));
    }

    @Test
    void aMessageWhosePartsArriveIsNotIdleThoughItsRowIsOld() throws Exception {
        setUpdatedAt(message, Instant.now().minus(Duration.ofHours(1)));
        storage.append("m-1", 0, BYTES);

        Optional<Instant> later = storage.expireIfIdle("m-1", Duration.ofMinutes(30));

        assertTrue(later.isPresent(), "looked at again");
        assertTrue(
                later.get().isAfter(Instant.now().plus(Duration.ofMinutes(29))),
                later.get().toString());
        assertEquals(MessageState.RECEIVING, message.getState());
        assertTrue(Files.exists(part()));
    }

    private Path part() {
        return dataDirectory.resolve(message.getMediaPath());
    }

    private static byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(BYTES, from, to);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void setUpdatedAt(Message message, Instant at) throws Exception {
        var field = org.replycast.persistence.VersionedEntity.class.getDeclaredField("updatedAt");
        field.setAccessible(true);
        field.set(message, at);
    }

    /** Records what the service fires. */
    private static final class RecordingEvent<T> implements Event<T> {
        private final List<T> fired;
        private final List<Object> firedInOrder;

        RecordingEvent(List<T> fired, List<Object> firedInOrder) {
            this.fired = fired;
            this.firedInOrder = firedInOrder;
        }

        @Override
        public void fire(T event) {
            fired.add(event);
            firedInOrder.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}

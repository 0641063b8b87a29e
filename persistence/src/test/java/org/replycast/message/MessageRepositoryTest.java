package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.persistence.TestDatabase.createChannel;
import static org.replycast.persistence.TestDatabase.createTerminal;
import static org.replycast.persistence.TestDatabase.fromTransaction;
import static org.replycast.persistence.TestDatabase.inTransaction;
import static org.replycast.persistence.TestDatabase.uniqueId;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.replycast.call.Call;
import org.replycast.persistence.TestDatabase;
import org.replycast.terminal.Terminal;

/** Messages are stored with their states and found by id, by sender and by channel and moderation. */
class MessageRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final String channelId = createChannel();
    private final String requester = createTerminal();
    private final String sender = createTerminal();
    private final String callId = connectedCall();

    private String connectedCall() {
        Call call = new Call(UUID.randomUUID().toString(), channelId, requester, sender, T0);
        call.connect(T0, uniqueId("play"), uniqueId("up"));
        inTransaction(em -> em.persist(call));
        return call.getCallId();
    }

    private Message newMessage(String from, Instant createdAt) {
        return new Message(uniqueId("m"), callId, channelId, from, "video/webm", "Hello", createdAt);
    }

    private String persisted(Message message) {
        inTransaction(em -> new MessageRepository(em).persist(message));
        return message.getMessageId();
    }

    @Test
    void persistedMessageIsFoundWithItsStates() {
        Message message = newMessage(sender, T0);
        message.countReceived(4096);
        message.store(4096, SHA256, 1_500L, T0.plusSeconds(30));
        message.moderate(ModerationState.APPROVED, "server", null, T0);
        String messageId = persisted(message);

        Message found = fromTransaction(em -> new MessageRepository(em).findById(messageId))
                .orElseThrow();

        assertEquals(callId, found.getCallId());
        assertEquals(channelId, found.getChannelId());
        assertEquals(sender, found.getSenderTerminalId());
        assertEquals(MessageState.STORED, found.getState());
        assertEquals(ModerationState.APPROVED, found.getModeration());
        assertEquals("video/webm", found.getContentType());
        assertEquals(4096, found.getBytes());
        assertEquals(SHA256, found.getSha256());
        assertEquals(1_500L, found.getDurationMs());
        assertEquals("Hello", found.getTitle());
        assertEquals(T0, found.getCreatedAt());
        assertEquals(T0.plusSeconds(30), found.getStoredAt());
    }

    @Test
    void unknownMessageIsNotFound() {
        assertTrue(fromTransaction(em -> new MessageRepository(em).findById(uniqueId("m")))
                .isEmpty());
    }

    @Test
    void aStateChangeOfAStoredMessageIsStored() {
        String messageId = persisted(newMessage(sender, T0));

        inTransaction(em ->
                new MessageRepository(em).findById(messageId).orElseThrow().markIncomplete());

        Message found = fromTransaction(em -> new MessageRepository(em).findById(messageId))
                .orElseThrow();
        assertEquals(MessageState.INCOMPLETE, found.getState());
        assertEquals(1L, found.getVersion());
    }

    @Test
    void listIsOldestFirst() {
        String later = persisted(newMessage(sender, T0.plusSeconds(10)));
        String earlier = persisted(newMessage(sender, T0));

        List<String> ids = fromTransaction(em -> new MessageRepository(em).list()).stream()
                .map(Message::getMessageId)
                .filter(id -> id.equals(earlier) || id.equals(later))
                .toList();

        assertEquals(List.of(earlier, later), ids);
    }

    @Test
    void findBySenderReturnsOnlyThatTerminalsMessagesOldestFirst() {
        String second = persisted(newMessage(sender, T0.plusSeconds(10)));
        String first = persisted(newMessage(sender, T0));
        persisted(newMessage(requester, T0));

        List<String> ids = fromTransaction(em -> new MessageRepository(em).findBySender(sender)).stream()
                .map(Message::getMessageId)
                .toList();

        assertEquals(List.of(first, second), ids);
    }

    @Test
    void findStoredByChannelAndModerationReturnsWhatTheDisplayMayPlay() {
        Message approved = newMessage(sender, T0);
        approved.store(10, SHA256, null, T0);
        approved.moderate(ModerationState.APPROVED, "server", null, T0);
        Message pending = newMessage(sender, T0);
        pending.store(10, SHA256, null, T0);
        Message rejectedContent = newMessage(sender, T0);
        rejectedContent.store(10, SHA256, null, T0);
        rejectedContent.moderate(ModerationState.APPROVED, "server", null, T0);
        rejectedContent.reject("not audio or video");
        List.of(approved, pending, rejectedContent).forEach(this::persisted);

        List<String> ids = fromTransaction(em ->
                        new MessageRepository(em).findStoredByChannelAndModeration(channelId, ModerationState.APPROVED))
                .stream()
                .map(Message::getMessageId)
                .toList();

        assertEquals(List.of(approved.getMessageId()), ids);
    }

    @Test
    void findStoredWithoutDisplayCopyReturnsTheLatestStoredFirst() {
        String earlier = stored(sender, T0, 10).getMessageId();
        String later = stored(sender, T0.plusSeconds(5), 10).getMessageId();
        Message copied = newMessage(sender, T0.plusSeconds(1));
        copied.countReceived(10);
        copied.store(10, SHA256, null, T0.plusSeconds(20));
        copied.recordDisplayCopy("messages/c/m.mp4", "messages/c/m.jpg", true);
        persisted(copied);
        persisted(newMessage(sender, T0.plusSeconds(2)));
        Set<String> mine = Set.of(earlier, later, copied.getMessageId());

        List<String> ids =
                fromTransaction(em -> new MessageRepository(em).findStoredWithoutDisplayCopy(10_000)).stream()
                        .map(Message::getMessageId)
                        .filter(mine::contains)
                        .toList();

        assertEquals(List.of(later, earlier), ids);
    }

    @Test
    void aMessageOfAnUnknownCallIsRefusedByTheDatabase() {
        Message message =
                new Message(uniqueId("m"), UUID.randomUUID().toString(), channelId, sender, "audio/ogg", null, T0);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> persisted(message));

        assertTrue(String.valueOf(TestDatabase.sqlState(thrown)).startsWith("23"), thrown::toString);
    }

    private Message approvedAt(Instant at, String title) {
        Message message = new Message(uniqueId("m"), callId, channelId, sender, "video/webm", title, T0);
        message.store(10, SHA256, null, T0);
        message.moderate(ModerationState.APPROVED, "server", null, at);
        persisted(message);
        return message;
    }

    @Test
    void findApprovedAfterPlaysInOrderOfApprovalFromTheCursor() {
        Message second = approvedAt(T0.plusSeconds(20), "second");
        Message first = approvedAt(T0.plusSeconds(10), "first");
        Message third = approvedAt(T0.plusSeconds(30), "third");
        Message pending = newMessage(sender, T0);
        pending.store(10, SHA256, null, T0);
        persisted(pending);

        List<String> all =
                fromTransaction(em -> new MessageRepository(em).findApprovedAfter(channelId, null, 10)).stream()
                        .map(Message::getMessageId)
                        .toList();
        List<String> afterFirst =
                fromTransaction(em -> new MessageRepository(em).findApprovedAfter(channelId, first, 10)).stream()
                        .map(Message::getMessageId)
                        .toList();

        assertEquals(List.of(first.getMessageId(), second.getMessageId(), third.getMessageId()), all);
        assertEquals(List.of(second.getMessageId(), third.getMessageId()), afterFirst);
    }

    @Test
    void pageFiltersByChannelStateAndModerationOldestFirst() {
        Message later = newMessage(sender, T0.plusSeconds(10));
        later.store(10, SHA256, null, T0);
        Message earlier = newMessage(sender, T0);
        earlier.store(10, SHA256, null, T0);
        Message receiving = newMessage(sender, T0);
        List.of(later, earlier, receiving).forEach(this::persisted);

        List<String> page = fromTransaction(em -> new MessageRepository(em)
                        .page(MessageFilter.of(channelId, MessageState.STORED, ModerationState.PENDING), 0, 10))
                .stream()
                .map(Message::getMessageId)
                .toList();
        long count = fromTransaction(em -> new MessageRepository(em)
                .count(MessageFilter.of(channelId, MessageState.STORED, ModerationState.PENDING)));
        List<String> second =
                fromTransaction(em -> new MessageRepository(em).page(MessageFilter.of(channelId, null, null), 1, 1))
                        .stream()
                        .map(Message::getMessageId)
                        .toList();

        assertEquals(List.of(earlier.getMessageId(), later.getMessageId()), page);
        assertEquals(2, count);
        assertEquals(1, second.size());
    }

    @Test
    void pageFiltersByThePeriodOfCreationSinceIncludedBeforeExcluded() {
        Message atStart = newMessage(sender, T0);
        Message inside = newMessage(sender, T0.plusSeconds(3600));
        Message atEnd = newMessage(sender, T0.plusSeconds(7200));
        List.of(atStart, inside, atEnd).forEach(this::persisted);
        MessageFilter period = new MessageFilter(channelId, null, null, T0, T0.plusSeconds(7200));

        List<String> page = fromTransaction(em -> new MessageRepository(em).page(period, 0, 10)).stream()
                .map(Message::getMessageId)
                .toList();

        long count = fromTransaction(em -> new MessageRepository(em).count(period));

        assertEquals(List.of(atStart.getMessageId(), inside.getMessageId()), page);
        assertEquals(2, count);
    }

    private Message stored(String from, Instant createdAt, long bytes) {
        Message message = newMessage(from, createdAt);
        message.countReceived(bytes);
        message.store(bytes, SHA256, null, createdAt.plusSeconds(10));
        persisted(message);
        return message;
    }

    @Test
    void retentionFindsFinishedMessagesCreatedBeforeTheCutoffOldestFirst() {
        String older = stored(sender, T0, 10).getMessageId();
        Message rejected = newMessage(sender, T0.plusSeconds(1));
        rejected.reject("No audio or video.");
        persisted(rejected);
        Message givenUp = newMessage(sender, T0.plusSeconds(2));
        givenUp.expire(T0.plusSeconds(60));
        persisted(givenUp);
        persisted(newMessage(sender, T0.plusSeconds(3))); // receiving: never
        Message resumable = newMessage(sender, T0.plusSeconds(4));
        resumable.markIncomplete();
        persisted(resumable); // may still be resumed: never
        stored(sender, T0.plusSeconds(100), 10); // after the cutoff

        List<String> found =
                fromTransaction(em ->
                                new MessageRepository(em).findFinishedCreatedBefore(channelId, T0.plusSeconds(50), 10))
                        .stream()
                        .map(Message::getMessageId)
                        .toList();

        assertEquals(List.of(older, rejected.getMessageId(), givenUp.getMessageId()), found);
    }

    @Test
    void quotaSeesStoredBytesPerSenderWithItsQuotaAndTheEarliestStoredFirst() {
        String other = createTerminal();
        inTransaction(em -> em.find(Terminal.class, other).setQuotaBytes(15L));
        Message second = stored(sender, T0.plusSeconds(5), 20);
        Message first = stored(sender, T0, 10);
        stored(other, T0, 7);
        stored(other, T0, 8);
        persisted(newMessage(sender, T0)); // receiving: not counted

        List<StoredBytes> usage = fromTransaction(em -> new MessageRepository(em).storedBytesBySender());

        assertTrue(usage.contains(new StoredBytes(sender, 30, null)), usage.toString());
        assertTrue(usage.contains(new StoredBytes(other, 15, 15L)), usage.toString());
        assertEquals(
                List.of(first.getMessageId(), second.getMessageId()),
                fromTransaction(em -> new MessageRepository(em).findEarliestStoredBySender(sender, 10)).stream()
                        .map(Message::getMessageId)
                        .toList());
    }
}

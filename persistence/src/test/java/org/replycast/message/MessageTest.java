package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A message's own invariants: how it is received, stored, refused, cut off, resumed and moderated. */
class MessageTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant STORED_AT = Instant.parse("2026-01-01T10:01:00Z");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Message message() {
        return new Message(
                "m-1", "5f2b9c1e-8a7d-4e3f-9c1e-8a7d4e3f5f2b", "hall-1", "T-2", "video/webm", "Hello", CREATED);
    }

    @Test
    void newMessageIsReceivingAndPendingWithNoBytes() {
        Message message = message();

        assertEquals(MessageState.RECEIVING, message.getState());
        assertEquals(ModerationState.PENDING, message.getModeration());
        assertEquals(0, message.getBytes());
        assertNull(message.getSha256());
        assertNull(message.getStoredAt());
        assertEquals(CREATED, message.getCreatedAt());
    }

    @Test
    void theCountOfBytesReceivedOnlyGrows() {
        Message message = message();

        assertEquals(1024, message.countReceived(1024));
        assertEquals(1536, message.countReceived(1536));
        assertEquals(1536, message.countReceived(1536));
        assertThrows(IllegalArgumentException.class, () -> message.countReceived(1535));
        assertEquals(1536, message.getBytes());
    }

    @Test
    void storeRecordsSizeChecksumDurationAndTime() {
        Message message = message();

        message.store(2048, SHA256, 4_000L, STORED_AT);

        assertEquals(MessageState.STORED, message.getState());
        assertEquals(2048, message.getBytes());
        assertEquals(SHA256, message.getSha256());
        assertEquals(4_000L, message.getDurationMs());
        assertEquals(STORED_AT, message.getStoredAt());
    }

    @Test
    void storeNeedsTheHexChecksum() {
        Message message = message();

        assertThrows(IllegalArgumentException.class, () -> message.store(10, null, null, STORED_AT));
        assertThrows(IllegalArgumentException.class, () -> message.store(10, "abc", null, STORED_AT));
        assertThrows(IllegalArgumentException.class, () -> message.store(10, SHA256.toUpperCase(), null, STORED_AT));

        assertEquals(MessageState.RECEIVING, message.getState());
    }

    @Test
    void storeHappensOnlyOnceAndOnlyFromReceiving() {
        Message stored = message();
        stored.store(10, SHA256, null, STORED_AT);
        assertThrows(IllegalStateException.class, () -> stored.store(20, SHA256, null, STORED_AT));
        assertEquals(10, stored.getBytes());

        Message incomplete = message();
        incomplete.markIncomplete();
        assertThrows(IllegalStateException.class, () -> incomplete.store(10, SHA256, null, STORED_AT));
        assertThrows(IllegalStateException.class, () -> incomplete.countReceived(10));
        assertEquals(MessageState.INCOMPLETE, incomplete.getState());
    }

    @Test
    void rejectRecordsItsReasonFromReceivingOrStored() {
        Message receiving = message();
        receiving.reject("not audio or video");
        assertEquals(MessageState.REJECTED, receiving.getState());
        assertEquals("not audio or video", receiving.getReason());

        Message stored = message();
        stored.store(10, SHA256, null, STORED_AT);
        stored.reject("not audio or video");
        assertEquals(MessageState.REJECTED, stored.getState());
    }

    @Test
    void rejectNeedsAReasonAndRefusesAnEndedMessage() {
        Message message = message();
        assertThrows(IllegalArgumentException.class, () -> message.reject(" "));
        assertEquals(MessageState.RECEIVING, message.getState());

        message.reject("too large");
        assertThrows(IllegalStateException.class, () -> message.reject("again"));
        assertEquals("too large", message.getReason());

        Message incomplete = message();
        incomplete.markIncomplete();
        assertThrows(IllegalStateException.class, () -> incomplete.reject("cut off"));
    }

    @Test
    void anIncompleteMessageResumesWhereItsBytesEnd() {
        Message message = message();
        message.countReceived(1000);

        message.markIncomplete();
        assertEquals(MessageState.INCOMPLETE, message.getState());
        assertThrows(IllegalStateException.class, message::markIncomplete);

        message.resume();
        assertEquals(MessageState.RECEIVING, message.getState());
        assertEquals(1500, message.countReceived(1500));
        assertThrows(IllegalStateException.class, message::resume);
    }

    @Test
    void onlyAStoredMessageIsModerated() {
        Message message = message();
        assertThrows(
                IllegalStateException.class,
                () -> message.moderate(ModerationState.APPROVED, "moderator", null, STORED_AT));
        assertEquals(ModerationState.PENDING, message.getModeration());

        message.store(10, SHA256, null, STORED_AT);
        message.moderate(ModerationState.APPROVED, "server", null, STORED_AT);
        assertEquals(ModerationState.APPROVED, message.getModeration());
        assertEquals("server", message.getModeratedBy());
        assertEquals(STORED_AT, message.getModeratedAt());

        Instant later = STORED_AT.plusSeconds(60);
        message.moderate(ModerationState.REJECTED, "moderator", "Off topic", later);
        assertEquals(ModerationState.REJECTED, message.getModeration());
        assertEquals("moderator", message.getModeratedBy());
        assertEquals("Off topic", message.getModerationReason());
        assertEquals(later, message.getModeratedAt());
        assertThrows(
                IllegalArgumentException.class,
                () -> message.moderate(ModerationState.PENDING, "moderator", null, later));
    }

    @Test
    void aDecisionIsNotRepeated() {
        Message message = message();
        message.store(10, SHA256, null, STORED_AT);
        message.moderate(ModerationState.APPROVED, "server", null, STORED_AT);

        assertThrows(
                IllegalStateException.class,
                () -> message.moderate(ModerationState.APPROVED, "moderator", null, STORED_AT));
        assertEquals("server", message.getModeratedBy());
    }

    @Test
    void aPendingMessageIsHeldWithAReason() {
        Message message = message();
        assertThrows(IllegalStateException.class, () -> message.hold("filtered"));
        message.store(10, SHA256, null, STORED_AT);

        message.hold("The title contains the filtered word \"spam\"");

        assertEquals(ModerationState.PENDING, message.getModeration());
        assertEquals("The title contains the filtered word \"spam\"", message.getModerationReason());
        message.moderate(ModerationState.APPROVED, "moderator", null, STORED_AT);
        assertThrows(IllegalStateException.class, () -> message.hold("again"));
    }

    @Test
    void aStoredMessageRecordsItsDisplayCopyOnce() {
        Message message = message();
        assertThrows(
                IllegalStateException.class,
                () -> message.recordDisplayCopy("messages/hall-1/m-1.mp4", "messages/hall-1/m-1.jpg", true));
        message.store(10, SHA256, null, STORED_AT);
        assertFalse(message.hasDisplayCopy());
        assertNull(message.getHasVideo());
        assertNull(message.getPlayableContentType());

        message.recordDisplayCopy("messages/hall-1/m-1.mp4", "messages/hall-1/m-1.jpg", false);
        message.recordDisplayCopy("messages/hall-1/m-1.mp4", "messages/hall-1/m-1.jpg", false); // a job redelivered

        assertTrue(message.hasDisplayCopy());
        assertEquals("messages/hall-1/m-1.mp4", message.getPlayablePath());
        assertEquals("messages/hall-1/m-1.jpg", message.getThumbnailPath());
        assertEquals(false, message.getHasVideo());
        assertEquals("audio/mp4", message.getPlayableContentType(), "a copy without video is audio alone");
        assertThrows(
                IllegalStateException.class,
                () -> message.recordDisplayCopy("messages/hall-1/m-1.mp4", "messages/hall-1/m-1.jpg", true));
        Message other = message();
        other.store(10, SHA256, null, STORED_AT);
        assertThrows(IllegalArgumentException.class, () -> other.recordDisplayCopy("", "m-1.jpg", true));
        assertFalse(other.hasDisplayCopy());
    }

    @Test
    void idsAndFieldsThatBreakARuleAreNamed() {
        String callId = "5f2b9c1e-8a7d-4e3f-9c1e-8a7d4e3f5f2b";
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> new Message("m 1", callId, "hall-1", "T-2", "video/webm", null, CREATED))
                .getMessage()
                .startsWith("messageId "));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> new Message("m-1", callId, "hall-1", "T/2", "video/webm", null, CREATED))
                .getMessage()
                .startsWith("senderTerminalId "));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> new Message("m-1", callId, "hall-1", "T-2", "", null, CREATED))
                .getMessage()
                .startsWith("contentType "));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> new Message("m-1", callId, "hall-1", "T-2", "video/webm", null, null))
                .getMessage()
                .startsWith("createdAt "));
    }

    @Test
    void aReceivedMessageKnowsWhereItsBytesGrowAndNeverTakesMoreThanDeclared() {
        Message message = message();
        message.receive("messages/hall-1/m-1.part", "session-1", 1500L);

        assertEquals("messages/hall-1/m-1.part", message.getMediaPath());
        assertEquals("session-1", message.getUplinkSession());
        assertEquals(1000, message.countReceived(1000));
        assertThrows(IllegalArgumentException.class, () -> message.countReceived(1501));
        assertEquals(1000, message.getBytes());
        assertThrows(IllegalStateException.class, () -> message.receive("messages/hall-1/m-1.part", "session-2", null));

        message.moveBytes("messages/hall-1/m-1.media");
        assertEquals("messages/hall-1/m-1.media", message.getMediaPath());
    }

    @Test
    void aDeferredLengthIsNamedOnceAndNeverBelowTheBytesArrived() {
        Message message = message();
        message.receive("messages/hall-1/m-1.part", "session-1", null);
        message.countReceived(1000);

        assertThrows(IllegalArgumentException.class, () -> message.declareLength(999));
        message.declareLength(1500);
        message.declareLength(1500);
        assertEquals(1500L, message.getDeclaredBytes());
        assertThrows(IllegalArgumentException.class, () -> message.declareLength(1600));
        assertThrows(IllegalArgumentException.class, () -> message.countReceived(1501), "the declared length holds");

        message.markIncomplete();
        assertThrows(IllegalStateException.class, () -> message.declareLength(1500));
    }

    @Test
    void aNewConnectionTakesOverAReceivingOrIncompleteMessage() {
        Message message = message();
        message.receive("messages/hall-1/m-1.part", "session-1", null);
        message.takeUplink("session-2");
        assertEquals("session-2", message.getUplinkSession());

        message.markIncomplete();
        message.takeUplink("session-3");
        assertEquals(MessageState.RECEIVING, message.getState());
        assertEquals("session-3", message.getUplinkSession());
    }

    @Test
    void aGivenUpMessageHasNoBytesAndCannotBeResumed() {
        Message message = message();
        message.receive("messages/hall-1/m-1.part", "session-1", null);
        message.countReceived(10);

        message.expire(STORED_AT);

        assertEquals(MessageState.INCOMPLETE, message.getState());
        assertEquals(STORED_AT, message.getExpiredAt());
        assertNull(message.getMediaPath());
        assertTrue(message.getReason().contains("removed"));
        assertTrue(!message.isContinuable());
        assertThrows(IllegalStateException.class, message::resume);
        assertThrows(IllegalStateException.class, () -> message.takeUplink("session-2"));
        assertThrows(IllegalStateException.class, () -> message.expire(STORED_AT));
    }

    @Test
    void aRejectionByThePipelineKeepsItsCode() {
        Message message = message();
        message.receive("messages/hall-1/m-1.part", "session-1", null);

        message.reject(MessageRejection.CHECKSUM_MISMATCH, "The SHA-256 does not match.");
        message.discardBytes();

        assertEquals(MessageState.REJECTED, message.getState());
        assertEquals(MessageRejection.CHECKSUM_MISMATCH, message.getRejection());
        assertEquals("checksum-mismatch", message.getRejection().code());
        assertNull(message.getMediaPath());
        assertTrue(!message.isContinuable());
    }
}

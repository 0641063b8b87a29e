package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What retention and quotas remove: the cutoff of a channel's days, a terminal's quota, the earliest first. */
class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Message stored(String messageId, long bytes) {
        Message message = new Message(messageId, "call-1", "hall-1", "T-1", "video/webm", null, NOW);
        message.countReceived(bytes);
        message.store(bytes, SHA256, null, NOW);
        return message;
    }

    @Test
    void retentionCountsWholeDaysBackFromNowAndZeroDaysIsNow() {
        RetentionPolicy policy = new RetentionPolicy(OptionalLong.empty());

        assertEquals(Instant.parse("2026-05-02T12:00:00Z"), policy.cutoff(30, NOW));
        assertEquals(NOW, policy.cutoff(0, NOW));
    }

    @Test
    void aTerminalsOwnQuotaWinsOverTheDefaultAndWithoutEitherThereIsNone() {
        RetentionPolicy unlimited = new RetentionPolicy(OptionalLong.empty());
        RetentionPolicy withDefault = new RetentionPolicy(OptionalLong.of(1000));

        assertEquals(OptionalLong.empty(), unlimited.quotaOf(new StoredBytes("T-1", 5000, null)));
        assertFalse(unlimited.isOverQuota(new StoredBytes("T-1", Long.MAX_VALUE, null)));
        assertEquals(OptionalLong.of(1000), withDefault.quotaOf(new StoredBytes("T-1", 5000, null)));
        assertEquals(OptionalLong.of(9000), withDefault.quotaOf(new StoredBytes("T-1", 5000, 9000L)));
        assertTrue(withDefault.isOverQuota(new StoredBytes("T-1", 1001, null)));
        assertFalse(withDefault.isOverQuota(new StoredBytes("T-1", 1000, null)));
        assertFalse(withDefault.isOverQuota(new StoredBytes("T-1", 5000, 9000L)));
    }

    @Test
    void theDefaultQuotaMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(OptionalLong.of(0)));
    }

    @Test
    void overQuotaRemovesTheEarliestUntilWhatStaysIsWithinTheQuota() {
        List<Message> earliestFirst = List.of(stored("m1", 400), stored("m2", 300), stored("m3", 200));

        assertEquals(List.of(), RetentionPolicy.overQuota(earliestFirst, 900, 900));
        assertEquals(List.of(earliestFirst.get(0)), RetentionPolicy.overQuota(earliestFirst, 900, 899));
        assertEquals(List.of(earliestFirst.get(0)), RetentionPolicy.overQuota(earliestFirst, 900, 500));
        assertEquals(earliestFirst.subList(0, 2), RetentionPolicy.overQuota(earliestFirst, 900, 499));
        assertEquals(earliestFirst, RetentionPolicy.overQuota(earliestFirst, 900, 1));
    }

    @Test
    void aBatchThatCannotReachTheQuotaIsRemovedWhole() {
        List<Message> batch = List.of(stored("m1", 100), stored("m2", 100));

        assertEquals(batch, RetentionPolicy.overQuota(batch, 10_000, 500));
    }
}

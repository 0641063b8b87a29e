package org.replycast.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the retention pass removes: a channel's finished messages created more than its retention's days ago,
 * and a terminal's earliest stored messages while its stored bytes exceed its quota (its own, else the server's
 * default, else none). Decides only; {@link MessageRetentionService} removes.
 */
public record RetentionPolicy(OptionalLong defaultQuotaBytes) {

    public RetentionPolicy {
        if (defaultQuotaBytes.isPresent() && defaultQuotaBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException("replycast.messages.terminal-quota-bytes must be positive");
        }
    }

    /** Messages created before this instant are past a retention of so many days. */
    public Instant cutoff(int retentionDays, Instant now) {
        return now.minus(Duration.ofDays(retentionDays));
    }

    /** The terminal's quota: its own, else the default; empty when it may keep any amount. */
    public OptionalLong quotaOf(StoredBytes usage) {
        return usage.quotaBytes() != null ? OptionalLong.of(usage.quotaBytes()) : defaultQuotaBytes;
    }

    public boolean isOverQuota(StoredBytes usage) {
        OptionalLong quota = quotaOf(usage);
        return quota.isPresent() && usage.bytes() > quota.getAsLong();
    }

    /**
     * The messages to remove, from the start of the earliest stored ones, so that what stays is within the
     * quota; all of them when even that is not enough.
     */
    public static List<Message> overQuota(List<Message> earliestFirst, long storedBytes, long quotaBytes) {
        List<Message> removed = new ArrayList<>();
        long remaining = storedBytes;
        for (Message message : earliestFirst) {
            if (remaining <= quotaBytes) {
                break;
            }
            removed.add(message);
            remaining -= message.getBytes();
        }
        return removed;
    }
}

package org.replycast.display;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed webhook is tried again: after {@code firstRetry}, then twice as long after each further
 * failure, never longer than {@code maxRetry}, and not at all once {@code maxAttempts} attempts have failed.
 */
public record ForwardingPolicy(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration timeout) {

    public ForwardingPolicy {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retries need 0 < firstRetry <= maxRetry");
        }
        if (maxAttempts < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("forwarding needs at least one attempt and a positive timeout");
        }
    }

    /** The wait before the next attempt after {@code failedAttempts} failures; empty when it is time to give up. */
    public Optional<Duration> retryAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // Doubling past 2^30 would overflow long before the maximum applies, so the exponent stops there.
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration doubled = firstRetry.multipliedBy(1L << doublings);
        return Optional.of(doubled.compareTo(maxRetry) > 0 ? maxRetry : doubled);
    }

    /** How long a sender holds a delivery for one attempt: its timeout and a margin for recording it. */
    public Duration claim() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }
}

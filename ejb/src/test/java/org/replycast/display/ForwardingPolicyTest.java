package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retries wait twice as long after each failure, up to the maximum, and stop after the last attempt. */
class ForwardingPolicyTest {

    private final ForwardingPolicy policy =
            new ForwardingPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 6, Duration.ofSeconds(10));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), policy.retryAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(20)), policy.retryAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(40)), policy.retryAfter(3));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.retryAfter(4));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.retryAfter(5));
    }

    @Test
    void afterTheLastAttemptThereIsNoRetry() {
        assertEquals(Optional.empty(), policy.retryAfter(6));
    }

    @Test
    void manyFailuresNeverOverflowTheWait() {
        ForwardingPolicy patient =
                new ForwardingPolicy(Duration.ofSeconds(1), Duration.ofDays(1), 1000, Duration.ofSeconds(10));

        assertEquals(Optional.of(Duration.ofDays(1)), patient.retryAfter(999));
    }

    @Test
    void aPolicyWithoutRetriesOrTimeoutIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ForwardingPolicy(Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ForwardingPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ForwardingPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(1)));
    }
}

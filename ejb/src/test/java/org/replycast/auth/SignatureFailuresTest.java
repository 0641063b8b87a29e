package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule: five failed signatures within five minutes lock a keyid for five minutes. */
class SignatureFailuresTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private static SignatureFailures failuresAt(Instant... times) {
        SignatureFailures failures = SignatureFailures.NONE;
        for (Instant time : times) {
            failures = failures.after(time, 5, WINDOW);
        }
        return failures;
    }

    @Test
    void fourFailuresDoNotLock() {
        assertFalse(failuresAt(T0, T0, T0, T0).isLocked(T0));
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForTheWindow() {
        SignatureFailures failures =
                failuresAt(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(299));

        assertTrue(failures.isLocked(T0.plusSeconds(299)));
        assertEquals(300, failures.secondsLeft(T0.plusSeconds(299)));
        assertEquals(1, failures.secondsLeft(T0.plusSeconds(598).plusMillis(1)));
        assertFalse(failures.isLocked(T0.plusSeconds(599)));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        SignatureFailures failures =
                failuresAt(T0, T0.plusSeconds(100), T0.plusSeconds(200), T0.plusSeconds(300), T0.plusSeconds(301));

        assertFalse(failures.isLocked(T0.plusSeconds(301)), "the first failure left the window at 300 s");
        assertEquals(4, failures.recent().size());
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        SignatureFailures locked = failuresAt(T0, T0, T0, T0, T0);

        assertEquals(locked, locked.after(T0.plusSeconds(10), 5, WINDOW));
    }
}

package org.replycast.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent failed signatures of one keyid and, once they reach the limit within the window, until when
 * the keyid is locked. Immutable, so that a cache can hold it and replace it atomically.
 *
 * @param recent the times of the failures inside the window, oldest first
 * @param lockedUntil the end of the lock, or {@link Instant#EPOCH} when not locked
 */
record SignatureFailures(List<Instant> recent, Instant lockedUntil) {

    static final SignatureFailures NONE = new SignatureFailures(List.of(), Instant.EPOCH);

    SignatureFailures {
        recent = List.copyOf(recent);
    }

    /**
     * After one more failure at {@code now}: locked for {@code window} when {@code limit} failures fall
     * within {@code window}, otherwise one more recent failure.
     */
    SignatureFailures after(Instant now, int limit, Duration window) {
        if (isLocked(now)) {
            return this;
        }
        List<Instant> inWindow = new ArrayList<>();
        for (Instant failure : recent) {
            if (failure.isAfter(now.minus(window))) {
                inWindow.add(failure);
            }
        }
        inWindow.add(now);
        return inWindow.size() >= limit
                ? new SignatureFailures(List.of(), now.plus(window))
                : new SignatureFailures(inWindow, Instant.EPOCH);
    }

    boolean isLocked(Instant now) {
        return now.isBefore(lockedUntil);
    }

    /** Whole seconds until the lock ends, at least one while locked. */
    long secondsLeft(Instant now) {
        return Math.max(1, (Duration.between(now, lockedUntil).toMillis() + 999) / 1000);
    }
}

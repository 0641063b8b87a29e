package org.replycast.media;

import java.time.Duration;
import java.util.List;

/**
 * How closely a {@link CaptureSupervisor} watches ffmpeg and how it starts it again.
 *
 * @param checkInterval how often the watchdog looks at the process and at the newest segment
 * @param startupTimeout how long a started ffmpeg may take to write its first segment (a camera may be slow)
 * @param stallTimeout how long a live ffmpeg may go without a new segment before it counts as stalled
 * @param backoff the waits before each restart in a row; the last one repeats
 * @param attemptsBeforeFailed restarts in a row without going live before the capture is {@code FAILED}
 * @param failedRetry the wait between attempts once {@code FAILED}
 * @param stableAfter how long a capture must stay live for its failures in a row to be forgotten
 */
public record SupervisionPolicy(
        Duration checkInterval,
        Duration startupTimeout,
        Duration stallTimeout,
        List<Duration> backoff,
        int attemptsBeforeFailed,
        Duration failedRetry,
        Duration stableAfter) {

    public SupervisionPolicy {
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty() || attemptsBeforeFailed < 1) {
            throw new IllegalArgumentException("a policy needs a backoff and at least one attempt");
        }
    }

    /**
     * Checks four times a second and restarts after 0.5, 1, 2, then 4 s, so that a failure is followed by a
     * new ffmpeg within 5 s; a stall is three segments without a new one.
     */
    public static SupervisionPolicy forLadder(HlsLadder ladder) {
        return new SupervisionPolicy(
                Duration.ofMillis(250),
                Duration.ofSeconds(20),
                Duration.ofSeconds(Math.max(3, 3L * ladder.segmentSeconds())),
                List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                5,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    Duration backoffBefore(int attempt) {
        return backoff.get(Math.min(attempt, backoff.size()) - 1);
    }
}

package org.replycast.bench;

import java.time.Duration;

/** Waits of the benchmarks' polling loops, each with a deadline around it; an interruption stops the benchmark. */
final class Pause {

    private Pause() {}

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

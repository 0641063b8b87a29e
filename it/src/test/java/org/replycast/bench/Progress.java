package org.replycast.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines of a benchmark on standard error, each with the time of day, so the report on standard output stays clean. */
final class Progress {

    private Progress() {}

    static void say(String format, Object... args) {
        System.err.printf(
                Locale.ROOT,
                "%s %s%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
    }
}

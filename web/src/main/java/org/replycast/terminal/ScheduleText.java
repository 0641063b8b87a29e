package org.replycast.terminal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.replycast.problem.EntityRules;

/**
 * An access schedule as the console edits it, one entry a line: a weekly window {@code SUNDAY 14:00-17:00}
 * or a range of dates {@code 2026-12-01..2026-12-31} (both ends included); no lines at all means any time.
 * Local times and dates in the channel's time zone, as the admin API's {@link ScheduleView}.
 */
final class ScheduleText {

    private ScheduleText() {}

    static String format(AccessSchedule schedule) {
        return Stream.concat(
                        schedule.windows().stream().map(w -> w.getDay() + " " + w.getStart() + "-" + w.getEnd()),
                        schedule.dateRanges().stream().map(r -> r.getFirstDay() + ".." + r.getLastDay()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * @throws org.replycast.problem.ProblemException {@code invalid}, "schedule line N: …", for a line that is
     *     neither a window nor a date range, or breaks the schedule's rules
     */
    static AccessSchedule parse(String text) {
        List<WeeklyWindow> windows = new ArrayList<>();
        List<DateRange> dateRanges = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.strip().split("\\R");
        EntityRules.enforce(() -> {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    if (line.contains("..")) {
                        String[] days = line.split("\\.\\.", 2);
                        dateRanges.add(
                                new DateRange(LocalDate.parse(days[0].strip()), LocalDate.parse(days[1].strip())));
                    } else {
                        windows.add(window(line));
                    }
                } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException broken) {
                    throw new IllegalArgumentException("schedule line " + (i + 1)
                            + ": write a window as SUNDAY 14:00-17:00 or dates as 2026-12-01..2026-12-31"
                            + (broken instanceof DateTimeParseException || broken.getMessage() == null
                                    ? ""
                                    : " (" + broken.getMessage() + ")"));
                }
            }
        });
        return EntityRules.enforce(() -> {
            try {
                return new AccessSchedule(windows, dateRanges);
            } catch (IllegalArgumentException broken) {
                throw new IllegalArgumentException("schedule: " + broken.getMessage());
            }
        });
    }

    private static WeeklyWindow window(String line) {
        String[] dayAndTimes = line.split("\\s+", 2);
        String[] times = dayAndTimes[1].split("-", 2);
        return new WeeklyWindow(
                DayOfWeek.valueOf(dayAndTimes[0].toUpperCase(Locale.ROOT)),
                LocalTime.parse(times[0].strip()),
                LocalTime.parse(times[1].strip()));
    }
}

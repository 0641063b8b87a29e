package org.replycast.terminal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a terminal may start a distribution: weekly windows, and optionally date ranges that bound them,
 * both read in the channel's time zone. With no window the terminal may start at any time of the week; with
 * no date range, on any day. An empty schedule therefore allows every moment.
 */
public record AccessSchedule(List<WeeklyWindow> windows, List<DateRange> dateRanges) {

    /** At most this many windows and ranges each, so a schedule stays something a person can read. */
    public static final int MAX_ENTRIES = 100;

    public static final AccessSchedule ALWAYS = new AccessSchedule(List.of(), List.of());

    /** @throws IllegalArgumentException when there are too many entries or one of them is missing */
    public AccessSchedule {
        windows = sorted(
                windows,
                "schedule.windows",
                Comparator.comparing(WeeklyWindow::getDay).thenComparing(WeeklyWindow::getStart));
        dateRanges = sorted(dateRanges, "schedule.dateRanges", Comparator.comparing(DateRange::getFirstDay));
    }

    private static <T> List<T> sorted(List<T> entries, String field, Comparator<T> order) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_ENTRIES || entries.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " must hold at most " + MAX_ENTRIES + " entries, none empty");
        }
        return entries.stream().sorted(order).toList();
    }

    /** Tells whether the moment, seen in the time zone, lies inside the schedule. */
    public boolean allows(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        boolean inDates = dateRanges.isEmpty() || dateRanges.stream().anyMatch(r -> r.contains(local.toLocalDate()));
        boolean inWindows = windows.isEmpty()
                || windows.stream().anyMatch(w -> w.contains(local.getDayOfWeek(), local.toLocalTime()));
        return inDates && inWindows;
    }

    public boolean isAlways() {
        return windows.isEmpty() && dateRanges.isEmpty();
    }
}

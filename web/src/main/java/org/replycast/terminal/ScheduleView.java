package org.replycast.terminal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.replycast.api.JsonBody;
import org.replycast.problem.EntityRules;

/**
 * An access schedule as the admin API shows and takes it: {@code {"windows": [{"day": "SUNDAY", "start":
 * "14:00", "end": "17:00"}], "dateRanges": [{"from": "2026-12-01", "to": "2026-12-31"}]}}, local times and
 * dates in the channel's time zone, both ends of a date range included, an end of 00:00 ending the day.
 */
public record ScheduleView(List<Window> windows, List<Dates> dateRanges) {

    /** A weekly window; times as {@code HH:mm}, or {@code HH:mm:ss} when they have seconds. */
    public record Window(DayOfWeek day, String start, String end) {}

    /** A range of dates, {@code yyyy-MM-dd}, both ends included. */
    public record Dates(String from, String to) {}

    static ScheduleView of(AccessSchedule schedule) {
        return new ScheduleView(
                schedule.windows().stream()
                        .map(w -> new Window(
                                w.getDay(), w.getStart().toString(), w.getEnd().toString()))
                        .toList(),
                schedule.dateRanges().stream()
                        .map(r -> new Dates(
                                r.getFirstDay().toString(), r.getLastDay().toString()))
                        .toList());
    }

    /**
     * Reads the schedule in the field of a request body: null when the field is absent, {@link
     * AccessSchedule#ALWAYS} when it is JSON null, a field left out of the schedule counting as empty.
     *
     * @throws org.replycast.problem.ProblemException {@code invalid} naming the part that breaks a rule
     */
    static AccessSchedule read(JsonBody body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonBody schedule = body.object(field, "windows", "dateRanges");
        if (schedule == null) {
            return AccessSchedule.ALWAYS;
        }
        List<JsonBody> windows = orEmpty(schedule.objects("windows", "day", "start", "end"));
        List<JsonBody> dateRanges = orEmpty(schedule.objects("dateRanges", "from", "to"));
        return EntityRules.enforce(() -> new AccessSchedule(
                windows.stream().map(ScheduleView::window).toList(),
                dateRanges.stream().map(ScheduleView::dateRange).toList()));
    }

    private static WeeklyWindow window(JsonBody window) {
        return new WeeklyWindow(
                window.constant("day", DayOfWeek.class),
                window.parsed("start", LocalTime::parse, "a time such as 14:00"),
                window.parsed("end", LocalTime::parse, "a time such as 17:00 (00:00 ends the day)"));
    }

    private static DateRange dateRange(JsonBody range) {
        return new DateRange(
                range.parsed("from", LocalDate::parse, "a date such as 2026-12-01"),
                range.parsed("to", LocalDate::parse, "a date such as 2026-12-31"));
    }

    private static List<JsonBody> orEmpty(List<JsonBody> entries) {
        return entries == null ? List.of() : entries;
    }
}

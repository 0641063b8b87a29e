package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.replycast.api.JsonBody;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** A schedule reads from the admin API's JSON and shows back the same way. */
class ScheduleViewTest {

    private static AccessSchedule read(String json) {
        JsonBody body =
                JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "schedule", "other");
        return ScheduleView.read(body, "schedule");
    }

    private static void assertInvalidNaming(String field, String json) {
        ProblemException problem = assertThrows(ProblemException.class, () -> read(json));
        assertEquals(ProblemType.INVALID, problem.type());
        assertTrue(problem.detail().contains(field), problem.detail());
    }

    @Test
    void windowsAndDateRangesRoundTrip() {
        AccessSchedule schedule = read("{\"schedule\":{\"windows\":[{\"day\":\"SUNDAY\",\"start\":\"14:00\","
                + "\"end\":\"17:00\"}],\"dateRanges\":[{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"}]}}");

        assertEquals(
                List.of(new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))),
                schedule.windows());
        assertEquals(
                List.of(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))), schedule.dateRanges());
        ScheduleView shown = ScheduleView.of(schedule);
        assertEquals(List.of(new ScheduleView.Window(DayOfWeek.SUNDAY, "14:00", "17:00")), shown.windows());
        assertEquals(List.of(new ScheduleView.Dates("2026-12-01", "2026-12-31")), shown.dateRanges());
    }

    @Test
    void absentLeavesTheScheduleAndNullClearsIt() {
        assertNull(read("{\"other\":1}"));
        assertSame(AccessSchedule.ALWAYS, read("{\"schedule\":null}"));
        assertTrue(read("{\"schedule\":{}}").isAlways());
    }

    @Test
    void aBrokenPartIsInvalidAndNamed() {
        assertInvalidNaming("schedule.windows[0].day", "{\"schedule\":{\"windows\":[{\"day\":\"Sunday\"}]}}");
        assertInvalidNaming(
                "schedule.windows[0].start",
                "{\"schedule\":{\"windows\":[{\"day\":\"SUNDAY\",\"start\":\"25:00\",\"end\":\"26:00\"}]}}");
        assertInvalidNaming(
                "schedule.windows",
                "{\"schedule\":{\"windows\":[{\"day\":\"SUNDAY\",\"start\":\"17:00\",\"end\":\"14:00\"}]}}");
        assertInvalidNaming(
                "schedule.dateRanges",
                "{\"schedule\":{\"dateRanges\":[{\"from\":\"2026-12-31\",\"to\":\"2026-12-01\"}]}}");
        assertInvalidNaming("schedule.weeks", "{\"schedule\":{\"weeks\":[]}}");
        assertInvalidNaming("schedule.windows[0].tz", "{\"schedule\":{\"windows\":[{\"tz\":\"UTC\"}]}}");
    }
}

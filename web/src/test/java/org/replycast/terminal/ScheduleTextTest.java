package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** The console's schedule text reads one entry a line and writes back the same way. */
class ScheduleTextTest {

    @Test
    void readsWindowsAndDateRangesInAnyCaseAndSkipsBlankLinesInTheScheduleOrder() {
        AccessSchedule schedule =
                ScheduleText.parse("sunday 14:00-17:00\n\n 2026-12-01..2026-12-31 \r\nMONDAY 09:30-00:00");

        assertEquals(
                List.of(
                        new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.MIDNIGHT),
                        new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))),
                schedule.windows());
        assertEquals(
                List.of(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))), schedule.dateRanges());
    }

    @Test
    void noLinesMeanAnyTime() {
        assertTrue(ScheduleText.parse("  \n ").isAlways());
        assertTrue(ScheduleText.parse(null).isAlways());
    }

    @Test
    void writesWhatItReads() {
        String text = "SUNDAY 14:00-17:00\n2026-12-01..2026-12-31";

        assertEquals(text, ScheduleText.format(ScheduleText.parse(text)));
        assertEquals("", ScheduleText.format(AccessSchedule.ALWAYS));
    }

    @Test
    void aBrokenLineIsNamedByItsNumber() {
        for (String broken :
                List.of("SOMEDAY 14:00-17:00", "SUNDAY 14:00", "SUNDAY", "2026-12-01..", "SUNDAY 25:00-26:00")) {
            ProblemException problem =
                    assertThrows(ProblemException.class, () -> ScheduleText.parse("MONDAY 09:00-10:00\n" + broken));

            assertEquals(ProblemType.INVALID, problem.type());
            assertTrue(problem.detail().startsWith("schedule line 2: "), problem.detail());
        }
    }
}

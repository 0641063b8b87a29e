package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schedule is read in the channel's time zone: weekly windows, bounded by optional date ranges. */
class AccessScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final WeeklyWindow SUNDAY_AFTERNOON =
            new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(14, 0), LocalTime.of(17, 0));

    private static Instant parisTime(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void anEmptyScheduleAllowsEveryMoment() {
        assertTrue(AccessSchedule.ALWAYS.allows(Instant.parse("2026-11-26T03:00:00Z"), PARIS));
        assertTrue(new AccessSchedule(null, null).isAlways());
    }

    @Test
    void aWindowIsReadInTheChannelsTimeZone() {
        AccessSchedule schedule = new AccessSchedule(List.of(SUNDAY_AFTERNOON), List.of());

        assertTrue(schedule.allows(parisTime("2026-11-29T14:00"), PARIS));
        assertTrue(schedule.allows(parisTime("2026-11-29T16:59:59"), PARIS));
        assertFalse(schedule.allows(parisTime("2026-11-29T17:00"), PARIS), "the end is exclusive");
        assertFalse(schedule.allows(parisTime("2026-11-29T13:59"), PARIS));
        assertFalse(schedule.allows(parisTime("2026-11-28T15:00"), PARIS), "Saturday");
        // 13:30 UTC is 14:30 in Paris but 13:30 in London.
        assertTrue(schedule.allows(Instant.parse("2026-11-29T13:30:00Z"), PARIS));
        assertFalse(schedule.allows(Instant.parse("2026-11-29T13:30:00Z"), ZoneId.of("Europe/London")));
    }

    @Test
    void aWindowEndingAtMidnightReachesTheEndOfTheDay() {
        AccessSchedule evening = new AccessSchedule(
                List.of(new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)), List.of());

        assertTrue(evening.allows(parisTime("2026-11-27T23:59:59"), PARIS));
        assertFalse(evening.allows(parisTime("2026-11-28T00:00"), PARIS));
    }

    @Test
    void dateRangesBoundTheWindows() {
        AccessSchedule stay = new AccessSchedule(
                List.of(SUNDAY_AFTERNOON),
                List.of(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))));

        assertFalse(stay.allows(parisTime("2026-11-29T15:00"), PARIS), "a Sunday before the stay");
        assertTrue(stay.allows(parisTime("2026-12-06T15:00"), PARIS));
        assertTrue(stay.allows(parisTime("2026-12-27T15:00"), PARIS), "the last day is included");
        assertFalse(stay.allows(parisTime("2027-01-03T15:00"), PARIS));
    }

    @Test
    void dateRangesAloneAllowWholeDays() {
        AccessSchedule days = new AccessSchedule(
                List.of(), List.of(new DateRange(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26))));

        assertTrue(days.allows(parisTime("2026-12-24T00:00"), PARIS));
        assertFalse(days.allows(parisTime("2026-12-23T23:59"), PARIS));
    }

    @Test
    void brokenEntriesAreRefusedNamingTheField() {
        IllegalArgumentException backwards = assertThrows(
                IllegalArgumentException.class,
                () -> new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(9, 0)));
        assertTrue(backwards.getMessage().startsWith("schedule.windows"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AccessSchedule(Collections.nCopies(101, SUNDAY_AFTERNOON), List.of()));
    }

    @Test
    void entriesAreKeptInOrder() {
        WeeklyWindow monday = new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0));

        assertEquals(
                List.of(monday, SUNDAY_AFTERNOON),
                new AccessSchedule(List.of(SUNDAY_AFTERNOON, monday), List.of()).windows());
    }
}

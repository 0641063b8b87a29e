package org.replycast.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A weekly time window of an access schedule, such as Sunday 14:00 to 17:00 local time. The end is
 * exclusive; an end of 00:00 stands for the end of the day, so a window can reach midnight.
 */
@Embeddable
public class WeeklyWindow {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false, length = 9)
    private DayOfWeek day;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    /** For JPA. */
    protected WeeklyWindow() {}

    /** @throws IllegalArgumentException when a part is missing or the window does not end after it starts */
    public WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {
        if (day == null || start == null || end == null) {
            throw new IllegalArgumentException("schedule.windows need a day, a start and an end");
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("schedule.windows must end after they start (00:00 ends the day)");
        }
        this.day = day;
        this.start = start;
        this.end = end;
    }

    public DayOfWeek getDay() {
        return day;
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    /** Tells whether the local day and time fall inside this window. */
    public boolean contains(DayOfWeek localDay, LocalTime localTime) {
        return day == localDay
                && !localTime.isBefore(start)
                && (end.equals(LocalTime.MIDNIGHT) || localTime.isBefore(end));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyWindow that
                && day == that.day
                && start.equals(that.start)
                && end.equals(that.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, start, end);
    }

    @Override
    public String toString() {
        return day + " " + start + "-" + end;
    }
}

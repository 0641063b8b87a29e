package org.replycast.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** A range of local dates, both ends included, such as the days of a stay in a care home. */
@Embeddable
public class DateRange {

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    /** For JPA. */
    protected DateRange() {}

    /** @throws IllegalArgumentException when an end is missing or the range ends before it begins */
    public DateRange(LocalDate firstDay, LocalDate lastDay) {
        if (firstDay == null || lastDay == null) {
            throw new IllegalArgumentException("schedule.dateRanges need a first and a last day");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("schedule.dateRanges must not end before they begin");
        }
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DateRange that && firstDay.equals(that.firstDay) && lastDay.equals(that.lastDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstDay, lastDay);
    }

    @Override
    public String toString() {
        return firstDay + ".." + lastDay;
    }
}

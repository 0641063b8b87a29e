package org.replycast.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.replycast.console.ConsoleRole;
import org.replycast.console.Pager;
import org.replycast.console.Permitted;

/**
 * The console's Audit log page ({@code console/audit.xhtml}, admins only): the trail newest first, a page at
 * a time, filtered by kind and by a span of days (UTC, as the records are stamped), through {@link AuditLog}.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    @Inject
    AuditLog auditLog;

    private AuditKind kind;
    private LocalDate fromDay;
    private LocalDate untilDay;
    private final Pager pager = new Pager(50);
    private List<AuditRecord> records;

    public AuditKind[] getKinds() {
        return AuditKind.values();
    }

    public List<AuditRecord> getRecords() {
        if (records == null) {
            AuditFilter filter = filter();
            pager.counted(auditLog.count(filter));
            records = auditLog.newest(filter, pager.offset(), pager.size());
        }
        return records;
    }

    public boolean isAny() {
        return !getRecords().isEmpty();
    }

    /** "1–50 of 312", or none. */
    public String getShowing() {
        return pager.showing(getRecords().size(), "No records.");
    }

    public boolean isFirstPage() {
        getRecords();
        return !pager.isHasPrevious();
    }

    public boolean isLastPage() {
        getRecords();
        return !pager.isHasNext();
    }

    @Permitted(ConsoleRole.ADMIN)
    public void applyFilter() {
        pager.first();
        records = null;
    }

    @Permitted(ConsoleRole.ADMIN)
    public void nextPage() {
        pager.next();
        records = null;
    }

    @Permitted(ConsoleRole.ADMIN)
    public void previousPage() {
        pager.previous();
        records = null;
    }

    private AuditFilter filter() {
        return new AuditFilter(
                null,
                kind,
                fromDay == null ? null : fromDay.atStartOfDay().toInstant(ZoneOffset.UTC),
                untilDay == null ? null : untilDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public AuditKind getKind() {
        return kind;
    }

    public void setKind(AuditKind kind) {
        this.kind = kind;
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public void setFromDay(LocalDate fromDay) {
        this.fromDay = fromDay;
    }

    public LocalDate getUntilDay() {
        return untilDay;
    }

    public void setUntilDay(LocalDate untilDay) {
        this.untilDay = untilDay;
    }
}

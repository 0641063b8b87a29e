package org.replycast.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.replycast.console.ConsoleRole;
import org.replycast.console.Permitted;

/**
 * The console's Audit log page ({@code console/audit.xhtml}, admins only): the trail newest first, a page at
 * a time, filtered by kind and by a span of days (UTC, as the records are stamped), through {@link AuditLog}.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    static final int PAGE_SIZE = 50;

    @Inject
    AuditLog auditLog;

    private AuditKind kind;
    private LocalDate fromDay;
    private LocalDate untilDay;
    private int offset;
    private List<AuditRecord> records;
    private long total;

    public AuditKind[] getKinds() {
        return AuditKind.values();
    }

    public List<AuditRecord> getRecords() {
        if (records == null) {
            AuditFilter filter = filter();
            records = auditLog.newest(filter, offset, PAGE_SIZE);
            total = auditLog.count(filter);
        }
        return records;
    }

    public long getTotal() {
        getRecords();
        return total;
    }

    /** "1–50 of 312", or none. */
    public String getShowing() {
        getRecords();
        return total == 0 ? "No records." : (offset + 1) + "–" + (offset + records.size()) + " of " + total;
    }

    public boolean isFirstPage() {
        return offset == 0;
    }

    public boolean isLastPage() {
        return offset + PAGE_SIZE >= getTotal();
    }

    @Permitted(ConsoleRole.ADMIN)
    public void applyFilter() {
        offset = 0;
        records = null;
    }

    @Permitted(ConsoleRole.ADMIN)
    public void nextPage() {
        if (!isLastPage()) {
            offset += PAGE_SIZE;
        }
        records = null;
    }

    @Permitted(ConsoleRole.ADMIN)
    public void previousPage() {
        offset = Math.max(0, offset - PAGE_SIZE);
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

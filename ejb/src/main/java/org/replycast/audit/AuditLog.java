package org.replycast.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Writes the audit trail and reads it for administrators. Each record is written in a transaction of its
 * own, so that a refusal is recorded even though the refused request's work is rolled back.
 */
@Stateless
public class AuditLog {

    @Inject
    AuditRepository records;

    /**
     * Records what happened now.
     *
     * @param actor who acted: an administrator's user name, a terminal id, or {@code server}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditKind kind, String code, String actor, String terminalId, String callId, String detail) {
        records.persist(new AuditRecord(Instant.now(), kind, code, actor, terminalId, callId, detail));
    }

    /** The newest records that the filter lets through. */
    public List<AuditRecord> newest(AuditFilter filter, int offset, int limit) {
        return records.newest(filter, offset, limit);
    }

    /** How many records {@link #newest} pages through. */
    public long count(AuditFilter filter) {
        return records.count(filter);
    }
}

package org.replycast.audit;

import java.time.Instant;

/**
 * Which audit records to read: of one terminal, of one kind, from an instant (inclusive) until another
 * (exclusive); each condition applies only when given (not null).
 */
public record AuditFilter(String terminalId, AuditKind kind, Instant from, Instant until) {

    /** Every record. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    /** The records of one terminal, or every record when it is null. */
    public static AuditFilter ofTerminal(String terminalId) {
        return new AuditFilter(terminalId, null, null, null);
    }
}

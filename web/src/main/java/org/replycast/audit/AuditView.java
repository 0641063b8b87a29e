package org.replycast.audit;

import java.time.Instant;

/** One line of the audit trail as an administrator reads it. */
public record AuditView(
        String auditId,
        Instant at,
        AuditKind kind,
        String code,
        String actor,
        String terminalId,
        String callId,
        String detail) {

    static AuditView of(AuditRecord record) {
        return new AuditView(
                record.getAuditId(),
                record.getAt(),
                record.getKind(),
                record.getCode(),
                record.getActor(),
                record.getTerminalId(),
                record.getCallId(),
                record.getDetail());
    }
}

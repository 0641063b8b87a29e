package org.replycast.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit trail: what happened ({@link AuditKind} and a code such as {@code
 * signature-invalid} or {@code CONNECTED}), when, who did it, and the terminal and call concerned. Written
 * once, never changed. Values that come from a client are cut to their column, never refused: the trail
 * must take whatever an attacker sends.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @Column(name = "audit_id", length = 36)
    private String auditId;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 32)
    private AuditKind kind;

    @Column(name = "code", nullable = false, updatable = false, length = 64)
    private String code;

    @Column(name = "actor", updatable = false, length = 200)
    private String actor;

    @Column(name = "terminal_id", updatable = false, length = 64)
    private String terminalId;

    @Column(name = "call_id", updatable = false, length = 36)
    private String callId;

    @Column(name = "detail", updatable = false, length = 1000)
    private String detail;

    /** For JPA. */
    protected AuditRecord() {}

    /**
     * @param actor who acted: an administrator's user name, a terminal id, or {@code server}; may be null
     * @param terminalId the terminal concerned, as sent; may be null
     * @param callId the call concerned; may be null
     * @param detail a short explanation for a person; may be null
     */
    public AuditRecord(
            Instant at, AuditKind kind, String code, String actor, String terminalId, String callId, String detail) {
        this.auditId = UUID.randomUUID().toString();
        this.at = Objects.requireNonNull(at, "at");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = cut(Objects.requireNonNull(code, "code"), 64);
        this.actor = cut(actor, 200);
        this.terminalId = cut(terminalId, 64);
        this.callId = cut(callId, 36);
        this.detail = cut(detail, 1000);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    public String getAuditId() {
        return auditId;
    }

    public Instant getAt() {
        return at;
    }

    public AuditKind getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getActor() {
        return actor;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public String getCallId() {
        return callId;
    }

    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return "AuditRecord[" + kind + " " + code + ", terminal " + terminalId + ", call " + callId + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditRecord that && Objects.equals(auditId, that.auditId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(auditId);
    }
}

package org.replycast.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.persistence.TestDatabase.fromTransaction;
import static org.replycast.persistence.TestDatabase.inTransaction;
import static org.replycast.persistence.TestDatabase.uniqueId;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail is read back newest first, for one terminal, kind or time span or all, whatever a client sent. */
class AuditRepositoryTest {

    @Test
    void oneTerminalsRecordsComeNewestFirst() {
        String terminalId = uniqueId("T");
        Instant first = Instant.parse("2026-11-26T10:00:00Z");
        inTransaction(em -> {
            AuditRepository audit = new AuditRepository(em);
            audit.persist(new AuditRecord(
                    first, AuditKind.AUTHENTICATION, "signature-invalid", null, terminalId, null, null));
            audit.persist(new AuditRecord(
                    first.plusSeconds(5), AuditKind.CALL, "CONNECTED", terminalId, terminalId, null, null));
            audit.persist(new AuditRecord(
                    first.plusSeconds(9), AuditKind.CALL, "CONNECTED", "other", uniqueId("T"), null, null));
        });

        List<String> codes =
                fromTransaction(em -> new AuditRepository(em).newest(AuditFilter.ofTerminal(terminalId), 0, 10))
                        .stream()
                        .map(AuditRecord::getCode)
                        .toList();

        assertEquals(List.of("CONNECTED", "signature-invalid"), codes);
        assertEquals(
                1,
                fromTransaction(em -> new AuditRepository(em).newest(AuditFilter.ofTerminal(terminalId), 1, 10))
                        .size());
        assertEquals(
                3,
                fromTransaction(em -> new AuditRepository(em).newest(AuditFilter.ALL, 0, 3))
                        .size());
        assertEquals(
                2L, (long) fromTransaction(em -> new AuditRepository(em).count(AuditFilter.ofTerminal(terminalId))));
        assertTrue(fromTransaction(em -> new AuditRepository(em).count(AuditFilter.ALL)) >= 3);
    }

    @Test
    void aKindWithinATimeSpanIsReadAlone() {
        String actor = uniqueId("admin");
        Instant day = Instant.parse("2026-03-01T00:00:00Z");
        inTransaction(em -> {
            AuditRepository audit = new AuditRepository(em);
            audit.persist(
                    new AuditRecord(day.minusSeconds(1), AuditKind.ADMINISTRATION, "before", actor, null, null, null));
            audit.persist(new AuditRecord(day, AuditKind.ADMINISTRATION, "within", actor, null, null, null));
            audit.persist(new AuditRecord(day.plusSeconds(60), AuditKind.CALL, "other-kind", actor, null, null, null));
            audit.persist(new AuditRecord(
                    day.plusSeconds(86_400), AuditKind.ADMINISTRATION, "next-day", actor, null, null, null));
        });
        AuditFilter filter = new AuditFilter(null, AuditKind.ADMINISTRATION, day, day.plusSeconds(86_400));

        List<String> codes = fromTransaction(em -> new AuditRepository(em).newest(filter, 0, 10)).stream()
                .filter(record -> actor.equals(record.getActor()))
                .map(AuditRecord::getCode)
                .toList();

        assertEquals(List.of("within"), codes);
    }

    @Test
    void oversizedClientValuesAreCutToTheirColumns() {
        String longKeyId = "k".repeat(300);
        AuditRecord record = new AuditRecord(
                Instant.now(), AuditKind.AUTHENTICATION, "signature-invalid", null, longKeyId, null, "d".repeat(5000));

        inTransaction(em -> new AuditRepository(em).persist(record));

        AuditRecord stored = fromTransaction(em -> em.find(AuditRecord.class, record.getAuditId()));
        assertEquals(64, stored.getTerminalId().length());
        assertEquals(1000, stored.getDetail().length());
    }
}

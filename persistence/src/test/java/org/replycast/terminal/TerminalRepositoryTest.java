package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.persistence.TestDatabase.fromTransaction;
import static org.replycast.persistence.TestDatabase.inTransaction;
import static org.replycast.persistence.TestDatabase.uniqueId;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.replycast.persistence.TestDatabase;

/** Terminals are stored, found, listed in order and versioned, against the migrated schema. */
class TerminalRepositoryTest {

    @Test
    void persistedTerminalIsFoundById() {
        String terminalId = uniqueId("T");
        inTransaction(em -> {
            Terminal terminal = new Terminal(terminalId, "Grandma's tablet", "Y2lwaGVydGV4dA==");
            terminal.setAutoAnswerSeconds(10);
            new TerminalRepository(em).persist(terminal);
        });

        Terminal found = fromTransaction(em -> new TerminalRepository(em).findById(terminalId))
                .orElseThrow();

        assertEquals("Grandma's tablet", found.getDisplayName());
        assertEquals("Y2lwaGVydGV4dA==", found.getSecretCiphertext());
        assertTrue(found.isEnabled());
        assertEquals(10, found.getAutoAnswerSeconds());
        assertEquals(0L, found.getVersion());
        assertNotNull(found.getCreatedAt());
        assertEquals(found.getCreatedAt(), found.getUpdatedAt());
    }

    @Test
    void unknownTerminalIsNotFound() {
        assertTrue(fromTransaction(em -> new TerminalRepository(em).findById(uniqueId("T")))
                .isEmpty());
    }

    @Test
    void listIsOrderedById() {
        String prefix = uniqueId("T");
        inTransaction(em -> {
            TerminalRepository terminals = new TerminalRepository(em);
            terminals.persist(new Terminal(prefix + "-c", "C", "c2VjcmV0"));
            terminals.persist(new Terminal(prefix + "-a", "A", "c2VjcmV0"));
            terminals.persist(new Terminal(prefix + "-b", "B", "c2VjcmV0"));
        });

        List<String> ids = fromTransaction(em -> new TerminalRepository(em).list()).stream()
                .map(Terminal::getTerminalId)
                .filter(id -> id.startsWith(prefix))
                .toList();

        assertEquals(List.of(prefix + "-a", prefix + "-b", prefix + "-c"), ids);
    }

    @Test
    void aChangeIsVersionedAndStamped() {
        String terminalId = TestDatabase.createTerminal();

        inTransaction(em ->
                new TerminalRepository(em).findById(terminalId).orElseThrow().setEnabled(false));

        Terminal found = fromTransaction(em -> new TerminalRepository(em).findById(terminalId))
                .orElseThrow();
        assertFalse(found.isEnabled());
        assertEquals(1L, found.getVersion());
        assertFalse(found.getUpdatedAt().isBefore(found.getCreatedAt()));
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        String terminalId = TestDatabase.createTerminal();
        EntityManager first = TestDatabase.entityManagerFactory().createEntityManager();
        EntityManager second = TestDatabase.entityManagerFactory().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            first.find(Terminal.class, terminalId).setDisplayName("First");
            second.find(Terminal.class, terminalId).setDisplayName("Second");
            first.getTransaction().commit();

            RollbackException thrown = assertThrows(
                    RollbackException.class, () -> second.getTransaction().commit());

            assertTrue(thrown.getCause() instanceof OptimisticLockException, thrown::toString);
        } finally {
            first.close();
            second.close();
        }
        assertEquals(
                "First",
                fromTransaction(em -> em.find(Terminal.class, terminalId)).getDisplayName());
    }

    @Test
    void aTakenIdIsRefusedByTheDatabase() {
        String terminalId = TestDatabase.createTerminal();

        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> inTransaction(
                        em -> new TerminalRepository(em).persist(new Terminal(terminalId, "Twin", "eA=="))));

        assertEquals("23505", TestDatabase.sqlState(thrown), thrown::toString);
    }

    @Test
    void aScheduleIsStoredAndReadBack() {
        String terminalId = TestDatabase.createTerminal();
        AccessSchedule schedule = new AccessSchedule(
                List.of(new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))),
                List.of(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))));

        inTransaction(em ->
                new TerminalRepository(em).findById(terminalId).orElseThrow().setSchedule(schedule));

        Terminal found = fromTransaction(em -> new TerminalRepository(em).findById(terminalId))
                .orElseThrow();
        assertEquals(schedule, found.getSchedule());

        inTransaction(em ->
                new TerminalRepository(em).findById(terminalId).orElseThrow().setSchedule(null));
        assertTrue(fromTransaction(em -> new TerminalRepository(em).findById(terminalId))
                .orElseThrow()
                .getSchedule()
                .isAlways());
    }

    @Test
    void aRemovedTerminalIsFoundByNoLookupButKeepsItsId() {
        String terminalId = TestDatabase.createTerminal();

        inTransaction(em ->
                new TerminalRepository(em).findById(terminalId).orElseThrow().remove(Instant.now()));

        assertTrue(fromTransaction(em -> new TerminalRepository(em).findById(terminalId))
                .isEmpty());
        assertTrue((boolean) fromTransaction(em -> new TerminalRepository(em).isIdTaken(terminalId)));
        assertFalse(fromTransaction(em -> new TerminalRepository(em).list()).stream()
                .anyMatch(t -> t.getTerminalId().equals(terminalId)));
        Terminal row = fromTransaction(em -> em.find(Terminal.class, terminalId));
        assertFalse(row.isEnabled());
        assertEquals(Terminal.REMOVED_SECRET, row.getSecretCiphertext(), "no secret survives removal");
    }

    @Test
    void searchMatchesIdOrNameInPagesAndTakesWildcardsLiterally() {
        String prefix = uniqueId("S").toLowerCase(Locale.ROOT);
        inTransaction(em -> {
            TerminalRepository terminals = new TerminalRepository(em);
            terminals.persist(new Terminal(prefix + "-1", "Kitchen tablet", "c2VjcmV0"));
            terminals.persist(new Terminal(prefix + "-2", "Hall screen", "c2VjcmV0"));
            terminals.persist(new Terminal(prefix + "_3", "Garden phone", "c2VjcmV0"));
        });

        List<Terminal> firstPage = fromTransaction(em -> new TerminalRepository(em).search(prefix, 0, 2));
        List<Terminal> secondPage = fromTransaction(em -> new TerminalRepository(em).search(prefix, 2, 2));

        assertEquals(List.of(prefix + "-1", prefix + "-2"), ids(firstPage));
        assertEquals(List.of(prefix + "_3"), ids(secondPage));
        assertEquals(
                3L, (long) fromTransaction(em -> new TerminalRepository(em).count(prefix.toUpperCase(Locale.ROOT))));
        assertEquals(List.of(prefix + "_3"), ids(fromTransaction(em -> new TerminalRepository(em)
                .search(prefix + "_", 0, 10))));
        assertEquals(1L, (long) fromTransaction(em -> new TerminalRepository(em).count(prefix + "-2")));
    }

    private static List<String> ids(List<Terminal> terminals) {
        return terminals.stream().map(Terminal::getTerminalId).toList();
    }
}

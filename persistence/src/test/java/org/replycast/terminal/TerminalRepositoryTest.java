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
import java.util.List;
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
}

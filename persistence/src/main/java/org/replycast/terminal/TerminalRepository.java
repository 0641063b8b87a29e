package org.replycast.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stores {@link Terminal}s; a CDI bean in the server, or built on a given {@link EntityManager}
 * elsewhere. Transactions belong to the caller.
 */
@ApplicationScoped
public class TerminalRepository {

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected TerminalRepository() {}

    public TerminalRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Terminal> findById(String terminalId) {
        return Optional.ofNullable(entityManager.find(Terminal.class, terminalId));
    }

    /** All terminals, ordered by id. */
    public List<Terminal> list() {
        return entityManager
                .createQuery("select t from Terminal t order by t.terminalId", Terminal.class)
                .getResultList();
    }

    public void persist(Terminal terminal) {
        entityManager.persist(terminal);
    }

    public void remove(Terminal terminal) {
        entityManager.remove(terminal);
    }
}

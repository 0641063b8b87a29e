package org.replycast.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and stores {@link Terminal}s; a CDI bean in the server, or built on a given {@link EntityManager}
 * elsewhere. Transactions belong to the caller.
 */
@ApplicationScoped
public class TerminalRepository {

    // '!' escapes the wildcards of the search text, so "T_1" finds only what it says.
    private static final String MATCHING =
            " and (lower(t.terminalId) like :text escape '!' or lower(t.displayName) like :text escape '!')";

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected TerminalRepository() {}

    public TerminalRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The terminal with this id, unless it was removed. */
    public Optional<Terminal> findById(String terminalId) {
        return Optional.ofNullable(entityManager.find(Terminal.class, terminalId))
                .filter(terminal -> !terminal.isRemoved());
    }

    /** Tells whether the id belongs to a terminal, removed ones included: ids are never handed out twice. */
    public boolean isIdTaken(String terminalId) {
        return entityManager.find(Terminal.class, terminalId) != null;
    }

    /** All terminals that are not removed, ordered by id. */
    public List<Terminal> list() {
        return search("", 0, Integer.MAX_VALUE);
    }

    /**
     * A page of the terminals whose id or display name contains the text (any case), ordered by id; removed
     * terminals left out.
     */
    public List<Terminal> search(String text, int offset, int limit) {
        return entityManager
                .createQuery(
                        "select t from Terminal t where t.removedAt is null" + MATCHING + " order by t.terminalId",
                        Terminal.class)
                .setParameter("text", pattern(text))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many terminals {@link #search} finds in all. */
    public long count(String text) {
        return entityManager
                .createQuery("select count(t) from Terminal t where t.removedAt is null" + MATCHING, Long.class)
                .setParameter("text", pattern(text))
                .getSingleResult();
    }

    private static String pattern(String text) {
        String plain = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return "%" + plain.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    public void persist(Terminal terminal) {
        entityManager.persist(terminal);
    }

    /** Writes pending changes now, so a broken constraint shows here rather than at commit. */
    public void flush() {
        entityManager.flush();
    }
}

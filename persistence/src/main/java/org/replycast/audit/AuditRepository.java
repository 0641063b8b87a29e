package org.replycast.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Writes audit records and reads them back newest first, all of them or one terminal's; a CDI bean in the
 * server, or built on a given {@link EntityManager} elsewhere. Transactions belong to the caller.
 */
@ApplicationScoped
public class AuditRepository {

    private static final String NEWEST_FIRST = " order by a.at desc, a.auditId";

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected AuditRepository() {}

    public AuditRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void persist(AuditRecord record) {
        entityManager.persist(record);
    }

    /** The newest records, of one terminal when {@code terminalId} is given, at most {@code limit}. */
    public List<AuditRecord> newest(String terminalId, int offset, int limit) {
        // Two queries rather than ":terminalId is null": PostgreSQL cannot type a parameter compared to null.
        TypedQuery<AuditRecord> query = terminalId == null
                ? entityManager.createQuery("select a from AuditRecord a" + NEWEST_FIRST, AuditRecord.class)
                : entityManager
                        .createQuery(
                                "select a from AuditRecord a where a.terminalId = :terminalId" + NEWEST_FIRST,
                                AuditRecord.class)
                        .setParameter("terminalId", terminalId);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many records there are in all, of one terminal when {@code terminalId} is given. */
    public long count(String terminalId) {
        TypedQuery<Long> query = terminalId == null
                ? entityManager.createQuery("select count(a) from AuditRecord a", Long.class)
                : entityManager
                        .createQuery("select count(a) from AuditRecord a where a.terminalId = :terminalId", Long.class)
                        .setParameter("terminalId", terminalId);
        return query.getSingleResult();
    }
}

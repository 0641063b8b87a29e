package org.replycast.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.replycast.persistence.GivenConditions;

/**
 * Writes audit records and reads them back newest first, through an {@link AuditFilter}; a CDI bean in the
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

    /** The newest records that the filter lets through, at most {@code limit}. */
    public List<AuditRecord> newest(AuditFilter filter, int offset, int limit) {
        return filtered("select a", filter, NEWEST_FIRST, AuditRecord.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many records the filter lets through. */
    public long count(AuditFilter filter) {
        return filtered("select count(a)", filter, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, AuditFilter filter, String order, Class<T> type) {
        return new GivenConditions()
                .and("a.terminalId = :terminalId", filter.terminalId())
                .and("a.kind = :kind", filter.kind())
                .and("a.at >= :from", filter.from())
                .and("a.at < :until", filter.until())
                .query(entityManager, select + " from AuditRecord a", order, type);
    }
}

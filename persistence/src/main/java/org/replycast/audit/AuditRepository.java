package org.replycast.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    // Only the given conditions go into the query: PostgreSQL cannot type a parameter that is only compared to null.
    private <T> TypedQuery<T> filtered(String select, AuditFilter filter, String order, Class<T> type) {
        Map<String, Object> given = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder();
        condition(where, given, "a.terminalId = :terminalId", "terminalId", filter.terminalId());
        condition(where, given, "a.kind = :kind", "kind", filter.kind());
        condition(where, given, "a.at >= :from", "from", filter.from());
        condition(where, given, "a.at < :until", "until", filter.until());
        TypedQuery<T> query = entityManager.createQuery(select + " from AuditRecord a" + where + order, type);
        given.forEach(query::setParameter);
        return query;
    }

    private static void condition(
            StringBuilder where, Map<String, Object> given, String clause, String name, Object value) {
        if (value != null) {
            where.append(given.isEmpty() ? " where " : " and ").append(clause);
            given.put(name, value);
        }
    }
}

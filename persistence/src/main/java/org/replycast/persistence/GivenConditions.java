package org.replycast.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditions of a filtered query, of which only those with a value go into it: PostgreSQL cannot type a
 * parameter that is only compared to null. Each condition names its one parameter last, as in
 * {@code "m.state = :state"}.
 */
public final class GivenConditions {

    private final Map<String, Object> given = new LinkedHashMap<>();

    /** Adds the condition, unless its value is null. */
    public GivenConditions and(String condition, Object value) {
        if (value != null) {
            given.put(condition, value);
        }
        return this;
    }

    /**
     * The query {@code select} + {@code from} + the given conditions + {@code order}, its parameters set.
     *
     * @param order such as {@code " order by m.createdAt"}, or empty
     */
    public <T> TypedQuery<T> query(EntityManager entityManager, String select, String order, Class<T> type) {
        String where = given.isEmpty() ? "" : " where " + String.join(" and ", given.keySet());
        TypedQuery<T> query = entityManager.createQuery(select + where + order, type);
        given.forEach((condition, value) -> query.setParameter(condition.substring(condition.indexOf(':') + 1), value));
        return query;
    }
}

package org.replycast.problem;

import java.sql.SQLException;

/**
 * Recognises a write that the database refused for a broken constraint, such as a second row with an id
 * that a concurrent request took between a service's own check and its insert; services answer {@code
 * conflict} for it.
 */
public final class IntegrityViolation {

    private IntegrityViolation() {}

    /**
     * Tells whether the exception or one of its causes is an SQL integrity constraint violation: SQL state
     * class 23, the same in H2 and PostgreSQL.
     */
    public static boolean isCauseOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}

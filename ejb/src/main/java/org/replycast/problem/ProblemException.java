package org.replycast.problem;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be served, with a detail a person can act on. An application exception, so an
 * EJB passes it on unwrapped and rolls its transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}

package org.replycast.problem;

import jakarta.ejb.ApplicationException;
import java.util.OptionalLong;

/**
 * A request that cannot be served, with a detail a person can act on and, for a refusal that ends by itself
 * (a lockout, a full channel), the seconds after which to try again. An application exception, so an EJB
 * passes it on unwrapped and rolls its transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final OptionalLong retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, OptionalLong.empty());
    }

    /** A problem that the client may retry after the given number of seconds (the HTTP Retry-After). */
    public ProblemException(ProblemType type, String detail, long retryAfterSeconds) {
        this(type, detail, OptionalLong.of(retryAfterSeconds));
    }

    private ProblemException(ProblemType type, String detail, OptionalLong retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Seconds after which the same request may succeed, when the problem is a temporary one. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

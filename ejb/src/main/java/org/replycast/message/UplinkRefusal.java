package org.replycast.message;

import jakarta.ejb.ApplicationException;

/**
 * {@link UplinkService} refuses a step of a reply's uplink, with a stable code (such as {@code
 * message-too-large}, or a {@link MessageRejection}'s) and a detail a person can act on; a gateway hands both
 * to the sender in its own way. An application exception, so an EJB passes it on unwrapped.
 */
@ApplicationException(rollback = true)
public class UplinkRefusal extends RuntimeException {

    /** The message or the connection's call is not (or no longer) there. */
    public static final String NOT_FOUND = "not-found";
    /** A field of the start or end signal breaks a rule. */
    public static final String INVALID = "invalid";
    /** The message can no longer be continued: stored, refused, or given up. */
    public static final String NOT_RESUMABLE = "not-resumable";

    private final String code;

    public UplinkRefusal(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** A refusal that drops the message for the reason given. */
    public UplinkRefusal(MessageRejection rejection, String detail) {
        this(rejection.code(), detail);
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}

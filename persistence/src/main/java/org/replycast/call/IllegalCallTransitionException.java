package org.replycast.call;

/** Thrown when a {@link Call} is asked to move to a state that its current state does not lead to. */
public class IllegalCallTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String callId;
    private final CallState from;
    private final CallState to;

    public IllegalCallTransitionException(String callId, CallState from, CallState to) {
        super("Call " + callId + " cannot move from " + from + " to " + to);
        this.callId = callId;
        this.from = from;
        this.to = to;
    }

    public String getCallId() {
        return callId;
    }

    public CallState getFrom() {
        return from;
    }

    public CallState getTo() {
        return to;
    }
}

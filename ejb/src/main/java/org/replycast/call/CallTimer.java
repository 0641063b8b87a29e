package org.replycast.call;

import java.io.Serializable;

/**
 * The info of a persistent call timer: which call, and what is due when it fires. Stored with the timer, so
 * it stays small and serializable.
 */
public record CallTimer(String callId, Kind kind) implements Serializable {

    /** What a call timer does when it fires, if the call is still in the state it applies to. */
    public enum Kind {
        /** {@code RINGING → MISSED} after the ring timeout. */
        RING_TIMEOUT,
        /** {@code RINGING → CONNECTED} after the destination's auto-answer delay. */
        AUTO_ANSWER,
        /** {@code CONNECTED → RELEASED} at the channel's maximum call length. */
        MAXIMUM_LENGTH
    }
}

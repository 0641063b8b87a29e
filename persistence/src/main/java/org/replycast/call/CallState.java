package org.replycast.call;

/** The states of a {@link Call} and the transitions allowed between them. */
public enum CallState {
    /** Created, not yet ringing or connected. */
    REQUESTED,
    /** Waiting for the destination terminal to answer. */
    RINGING,
    /** Connected: the destination watches the channel and may reply. */
    CONNECTED,
    /** The destination declined. Final. */
    DECLINED,
    /** Nobody answered in time. Final. */
    MISSED,
    /** Ended by a party or by the server. Final. */
    RELEASED;

    /** Tells whether a call in this state may move to the given one. */
    public boolean canMoveTo(CallState next) {
        return switch (this) {
            case REQUESTED -> next == RINGING || next == CONNECTED;
            case RINGING -> next == CONNECTED || next == DECLINED || next == MISSED || next == RELEASED;
            case CONNECTED -> next == RELEASED;
            case DECLINED, MISSED, RELEASED -> false;
        };
    }

    /** Tells whether the call has ended, so that no transition leads out of this state. */
    public boolean isFinal() {
        return this == DECLINED || this == MISSED || this == RELEASED;
    }
}

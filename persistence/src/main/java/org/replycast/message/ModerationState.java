package org.replycast.message;

/** Whether a stored {@link Message} may be shown on its channel's display page and forwarded as approved. */
public enum ModerationState {
    /** Waiting for a decision. */
    PENDING,
    /** May be shown. */
    APPROVED,
    /** Must not be shown. */
    REJECTED
}

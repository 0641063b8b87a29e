package org.replycast.audit;

/** What an audit record is about. */
public enum AuditKind {
    /** A signed request refused, with the problem code. */
    AUTHENTICATION,
    /** A call started, answered, refused or ended, with the state it reached. */
    CALL,
    /** An administrator changed a terminal or a channel. */
    ADMINISTRATION,
    /** A moderator approved or rejected a message. */
    MODERATION,
    /** The server removed a message because its channel's retention or its sender's quota ran out. */
    RETENTION
}

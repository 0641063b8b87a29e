package org.replycast.channel;

/** Whether a channel's stored messages are approved for its display page on their own or by a moderator. */
public enum ModerationMode {
    /** Messages are approved as soon as they are stored. */
    AUTO,
    /** Messages wait for a moderator's decision. */
    MANUAL
}

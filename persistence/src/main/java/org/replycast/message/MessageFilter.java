package org.replycast.message;

import java.time.Instant;

/**
 * Which messages a moderator looks at: of one channel, in one state, with one moderation decision, created
 * from {@code since} (included) to {@code before} (excluded); a null part lets every message through.
 */
public record MessageFilter(
        String channelId, MessageState state, ModerationState moderation, Instant since, Instant before) {

    /** Of any time. */
    public static MessageFilter of(String channelId, MessageState state, ModerationState moderation) {
        return new MessageFilter(channelId, state, moderation, null, null);
    }
}

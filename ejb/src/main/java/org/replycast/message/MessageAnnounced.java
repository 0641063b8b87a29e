package org.replycast.message;

/**
 * A committed change of a message as this node hears of it from the topic {@code MessageEvents}, whichever
 * node made it: a CDI event for what shows messages on this node, such as the display pages' streams. With
 * {@code displayNow}, not a change but a moderator's request that the displays play the message now.
 */
public record MessageAnnounced(
        String messageId, String channelId, MessageState state, ModerationState moderation, boolean displayNow) {}

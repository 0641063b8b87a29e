package org.replycast.message;

/**
 * A CDI event, fired inside the transaction of a moderator's request that the channel's displays play a
 * message now; {@link MessageEventPublisher} announces it on the topic {@code MessageEvents} after the commit,
 * so that the displays of every node hear it.
 */
public record DisplayNowRequested(String messageId, String channelId) {}

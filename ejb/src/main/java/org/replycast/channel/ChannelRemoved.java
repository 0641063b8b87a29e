package org.replycast.channel;

/**
 * A CDI event, fired inside the transaction that removes a channel, so that call processing releases the
 * channel's calls in the same transaction.
 */
public record ChannelRemoved(String channelId) {}

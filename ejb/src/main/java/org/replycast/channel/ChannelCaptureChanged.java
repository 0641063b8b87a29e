package org.replycast.channel;

/**
 * Fired when a channel is created or removed, or its source, ladder or capture switch changes; once the
 * change is committed, live capture starts, restarts or stops the channel's ffmpeg to match.
 */
public record ChannelCaptureChanged(String channelId) {}

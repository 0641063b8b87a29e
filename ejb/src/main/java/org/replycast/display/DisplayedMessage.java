package org.replycast.display;

import java.time.Instant;

/**
 * An approved message as a channel's display shows it: what to play, its title, and the sender's name.
 *
 * @param senderName the sending terminal's display name
 * @param approvedAt when it was approved; displays play in this order
 */
public record DisplayedMessage(
        String messageId,
        String channelId,
        String title,
        String senderName,
        String contentType,
        Long durationMs,
        Instant approvedAt) {}

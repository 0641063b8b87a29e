package org.replycast.channel;

import java.time.Instant;
import java.util.List;

/**
 * A channel as an administrator sees it, every setting and the display key included; the forwarding secret
 * only in the answer to the channel's creation, and null elsewhere.
 */
public record AdminChannelView(
        String channelId,
        String name,
        String place,
        String timeZone,
        String source,
        int maxConnectedCalls,
        int maxCallSeconds,
        long maxMessageBytes,
        int maxMessageSeconds,
        ModerationMode moderation,
        String forwardUrl,
        String displayKey,
        boolean captureEnabled,
        String ladder,
        List<String> titleFilter,
        String forwardSecret,
        ChannelStatus status,
        String statusDetail,
        Instant createdAt,
        Instant updatedAt) {

    static AdminChannelView of(Channel channel) {
        return of(channel, null);
    }

    static AdminChannelView of(Channel channel, String forwardSecret) {
        return new AdminChannelView(
                channel.getChannelId(),
                channel.getName(),
                channel.getPlace(),
                channel.getTimeZone(),
                channel.getSource(),
                channel.getMaxConnectedCalls(),
                channel.getMaxCallSeconds(),
                channel.getMaxMessageBytes(),
                channel.getMaxMessageSeconds(),
                channel.getModeration(),
                channel.getForwardUrl(),
                channel.getDisplayKey(),
                channel.isCaptureEnabled(),
                channel.getLadder(),
                List.copyOf(channel.getTitleFilter()),
                forwardSecret,
                channel.getStatus(),
                channel.getStatusDetail(),
                channel.getCreatedAt(),
                channel.getUpdatedAt());
    }
}

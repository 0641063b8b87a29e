package org.replycast.channel;

import java.util.List;
import java.util.Optional;

/**
 * What an administrator sets on a channel. On creation {@code channelId}, {@code name} and {@code
 * timeZone} are required; every other field left null keeps the channel's default.
 */
public record ChannelSettings(
        String channelId,
        String name,
        String place,
        String timeZone,
        String source,
        Integer maxConnectedCalls,
        Integer maxCallSeconds,
        Long maxMessageBytes,
        Integer maxMessageSeconds,
        ModerationMode moderation,
        String forwardUrl,
        Boolean captureEnabled,
        String ladder,
        List<String> titleFilter) {

    /** The settings that a new channel may leave at their defaults, as changes to it. */
    ChannelChanges optionalSettings() {
        return new ChannelChanges(
                null,
                Optional.ofNullable(place),
                null,
                null,
                maxConnectedCalls,
                maxCallSeconds,
                maxMessageBytes,
                maxMessageSeconds,
                moderation,
                Optional.ofNullable(forwardUrl),
                captureEnabled,
                Optional.ofNullable(ladder),
                titleFilter);
    }
}

package org.replycast.channel;

import java.util.List;
import java.util.Optional;

/**
 * What an administrator changes on a channel, as a PATCH sends it: a null field is left as it is. {@code
 * place}, {@code forwardUrl} and {@code ladder} (back to the server's default) may also be cleared, so they
 * are {@link Optional}s that are empty to clear. {@code titleFilter} replaces the whole filter; an empty list
 * clears it.
 */
public record ChannelChanges(
        String name,
        Optional<String> place,
        String timeZone,
        String source,
        Integer maxConnectedCalls,
        Integer maxCallSeconds,
        Long maxMessageBytes,
        Integer maxMessageSeconds,
        ModerationMode moderation,
        Optional<String> forwardUrl,
        Boolean captureEnabled,
        Optional<String> ladder,
        List<String> titleFilter) {}

package org.replycast.channel;

/** A channel as a terminal sees it: no display key, no forwarding URL. */
public record ChannelView(String channelId, String name, String place, String timeZone, ChannelStatus status) {

    static ChannelView of(Channel channel) {
        return new ChannelView(
                channel.getChannelId(),
                channel.getName(),
                channel.getPlace(),
                channel.getTimeZone(),
                channel.getStatus());
    }
}

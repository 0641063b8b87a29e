package org.replycast.channel;

/** The state of a channel's live distribution, as the capture supervisor reports it. */
public enum ChannelStatus {
    /** The capture is being started. */
    STARTING,
    /** The live stream is being produced. */
    LIVE,
    /** The capture failed and is being started again. */
    RESTARTING,
    /** The capture failed several times in a row without going live; it is still tried, every 30 s. */
    FAILED,
    /** The capture was stopped on purpose. */
    STOPPED
}

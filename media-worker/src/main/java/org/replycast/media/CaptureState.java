package org.replycast.media;

/** Where a channel's capture is in its life, as its {@link CaptureSupervisor} sees it. */
public enum CaptureState {
    /** ffmpeg was started and has not written its first segment yet. */
    STARTING,
    /** Segments are being written. */
    LIVE,
    /** ffmpeg exited or stalled and is being started again after a short backoff. */
    RESTARTING,
    /** ffmpeg failed several times in a row without going live; it is still tried again, but rarely. */
    FAILED,
    /** The capture was stopped on purpose. */
    STOPPED
}

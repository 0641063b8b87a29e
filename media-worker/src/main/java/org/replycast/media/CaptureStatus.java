package org.replycast.media;

import java.time.Instant;

/**
 * A capture's state at one moment, with what went wrong last ({@code detail}, from ffmpeg's own output when
 * it said something) and how many times ffmpeg has been started again since the capture began.
 */
public record CaptureStatus(CaptureState state, String detail, Instant since, int restarts) {}

package org.replycast.media;

/**
 * Told of every change of a capture's state, on the supervisor's watchdog thread; it should return quickly
 * and must not throw, so whoever records the status in a database does that here.
 */
@FunctionalInterface
public interface CaptureListener {

    void statusChanged(CaptureJob job, CaptureStatus status);
}

package org.replycast.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one supervisor captures: a named channel's source, encoded as an HLS ladder into its own folder.
 *
 * @param name the channel's id, for logs and the listener; never part of a command line
 */
public record CaptureJob(String name, CaptureSource source, HlsLadder ladder, Path folder) {

    public CaptureJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ladder, "ladder");
        folder = folder.toAbsolutePath();
    }

    /** The media playlist of the first rendition, rewritten by ffmpeg after every segment. */
    Path progressMarker() {
        return folder.resolve("0").resolve("index.m3u8");
    }

    /** The process id of the ffmpeg writing this folder, so a server that died cannot leave it running. */
    Path pidFile() {
        return folder.resolve("ffmpeg.pid");
    }
}

package org.replycast.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes what a screen needs from a stored reply, leaving the original untouched: a copy that every browser
 * plays (MP4 with H.264 and AAC, its index at the front so playback starts before the download ends) and a
 * JPEG thumbnail (a representative frame, or the waveform of a reply without video).
 */
public final class DisplayCopy {

    /** Wide enough for a venue screen, small enough to transcode a reply in a few seconds. */
    static final int MAX_WIDTH = 1280;

    static final int THUMBNAIL_WIDTH = 320;

    // Copies wait for spare CPU: the replies on their way in and the live ladder come first.
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final String ffmpeg;
    private final Duration timeout;

    /** @param timeout how long one ffmpeg run may take before it is killed and the copy fails */
    public DisplayCopy(FfmpegInstallation installation, Duration timeout) {
        this.ffmpeg = installation.executable();
        this.timeout = timeout;
    }

    /**
     * Writes the playable copy and the thumbnail, each under a temporary name first, so that a crash never
     * leaves half a file under the final name.
     *
     * @param hasVideo whether the probe found a video stream; without one the copy is audio only
     * @throws IOException with ffmpeg's last words when the original cannot be transcoded
     */
    public void make(Path original, boolean hasVideo, Path playable, Path thumbnail) throws IOException {
        writeAtomically(playable, target -> FfmpegRun.run(playableCommand(original, hasVideo, target), timeout));
        writeAtomically(thumbnail, target -> FfmpegRun.run(thumbnailCommand(original, hasVideo, target), timeout));
    }

    List<String> playableCommand(Path original, boolean hasVideo, Path target) {
        List<String> command = new ArrayList<>(start(original));
        if (hasVideo) {
            command.addAll(List.of(
                    "-map",
                    "0:v:0",
                    "-map",
                    "0:a:0?",
                    // Even dimensions, as yuv420p requires; never wider than a venue screen needs.
                    "-vf",
                    "scale=w='trunc(min(" + MAX_WIDTH + ",iw)/2)*2':h=-2",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-crf",
                    "23",
                    "-pix_fmt",
                    "yuv420p"));
        } else {
            command.addAll(List.of("-map", "0:a:0", "-vn"));
        }
        command.addAll(
                List.of("-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-f", "mp4", target.toString()));
        return command;
    }

    List<String> thumbnailCommand(Path original, boolean hasVideo, Path target) {
        List<String> command = new ArrayList<>(start(original));
        if (hasVideo) {
            command.addAll(List.of("-vf", "thumbnail=n=50,scale=" + THUMBNAIL_WIDTH + ":-2"));
        } else {
            command.addAll(
                    List.of("-filter_complex", "[0:a:0]showwavespic=s=" + THUMBNAIL_WIDTH + "x180:colors=white"));
        }
        command.addAll(List.of("-frames:v", "1", "-f", "mjpeg", target.toString()));
        return command;
    }

    private List<String> start(Path original) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "19"));
        }
        command.addAll(
                List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", original.toString()));
        return command;
    }

    private static void writeAtomically(Path target, FileWriting writing) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            writing.writeTo(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @FunctionalInterface
    private interface FileWriting {
        void writeTo(Path target) throws IOException;
    }
}

package org.replycast.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.replycast.testing.ApiClient;
import org.replycast.testing.CaptureProcesses;
import org.replycast.testing.KeycloakServer;

/**
 * Replycast's capture of one channel as the live benchmarks see it from outside: the ffmpeg whose command line
 * writes into the channel's live folder ({@code <data dir>/live/<channelId>/}), and the playlists it writes
 * there. It can also hold the capture, so that a baseline encode runs alone on the machine: it switches the
 * channel's {@code captureEnabled} off through the admin API and waits until the ffmpeg has ended; {@link
 * #release} switches it on again and waits until the capture is live.
 */
final class ReplycastCapture {

    /** How close to now the newest segment must end for the capture to count as live. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    private final Path folder;
    private final ApiClient api;
    private final String channelId;
    private volatile boolean held;
    private boolean releaseOnExit;

    ReplycastCapture(Path dataDirectory, ApiClient api, String channelId) {
        this.folder = dataDirectory
                .resolve("live")
                .resolve(channelId)
                .toAbsolutePath()
                .normalize();
        this.api = api;
        this.channelId = channelId;
    }

    Path folder() {
        return folder;
    }

    /** The capture's ffmpeg processes now running: normally one. */
    List<Long> ffmpegPids() {
        return CaptureProcesses.writingInto(folder).stream()
                .map(ProcessHandle::pid)
                .toList();
    }

    /** The one capture ffmpeg. @throws IllegalStateException, saying what to check, when there is none or several */
    long ffmpegPid() {
        List<Long> pids = ffmpegPids();
        if (pids.size() != 1) {
            throw new IllegalStateException((pids.isEmpty() ? "no" : pids.size() + "")
                    + " ffmpeg processes write into " + folder
                    + "; is the channel being captured (its status in the console or GET /api/v1/admin/channels),"
                    + " and is --data-dir the REPLYCAST_DATA_DIR of the running Replycast?");
        }
        return pids.get(0);
    }

    /** A process's command line, empty when it is gone. */
    static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) {
                return List.of();
            }
            return Arrays.asList(new String(raw, 0, raw.length - 1, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The rendition's media playlist as written now, or null while there is none. */
    LivePlaylist playlist(int rendition) {
        try {
            return LivePlaylist.parse(Files.readString(folder.resolve(rendition + "/index.m3u8")));
        } catch (IOException | RuntimeException e) {
            return null; // not written yet, or caught while ffmpeg replaced it
        }
    }

    /** Whether the newest segment of the first rendition ended at most a few seconds ago. */
    boolean isLive() {
        LivePlaylist playlist = playlist(0);
        Instant end = playlist == null ? null : playlist.end();
        return end != null && Duration.between(end, Instant.now()).compareTo(LIVE_WITHIN) <= 0;
    }

    /** Waits until a capture ffmpeg runs and its newest segment is recent. */
    void awaitLive(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (ffmpegPids().size() != 1 || !isLive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the capture into " + folder + " is not live after "
                        + timeout.toSeconds() + " s (ffmpeg processes: " + ffmpegPids() + "); look at the channel's"
                        + " status in the console and at the server log");
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    /** Switches the channel's capture off and waits until its ffmpeg has ended, until {@link #release}. */
    void hold(Duration timeout) {
        if (!releaseOnExit) {
            // Ctrl-C while held must not leave the channel without its capture.
            Runtime.getRuntime().addShutdownHook(new Thread(this::releaseQuietly, "release-capture"));
            releaseOnExit = true;
        }
        held = true;
        setCaptureEnabled(false);
        Instant deadline = Instant.now().plus(timeout);
        while (!ffmpegPids().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the capture's ffmpeg still runs " + timeout.toSeconds()
                        + " s after captureEnabled was switched off for channel " + channelId);
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    /** Switches the channel's capture on again and waits until it is live. */
    void release(Duration timeout) {
        setCaptureEnabled(true);
        held = false;
        awaitLive(timeout);
    }

    /** Makes sure the capture is on again when the benchmark fails or is interrupted while it is held. */
    void releaseQuietly() {
        if (held) {
            try {
                setCaptureEnabled(true);
                held = false;
            } catch (RuntimeException e) {
                System.err.println("Could not switch the capture of channel " + channelId + " on again: "
                        + e.getMessage() + "; PATCH its captureEnabled to true by hand.");
            }
        }
    }

    private void setCaptureEnabled(boolean enabled) {
        HttpResponse<String> patched = api.send(
                "PATCH",
                "api/v1/admin/channels/" + channelId,
                "application/merge-patch+json",
                "{\"captureEnabled\":" + enabled + "}",
                KeycloakServer.adminAuthorization());
        if (patched.statusCode() != 200) {
            throw new IllegalStateException("could not set captureEnabled " + enabled + " on channel " + channelId
                    + ": " + patched.statusCode() + " " + patched.body());
        }
    }
}

package org.replycast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replycast's capture of one channel as the live benchmarks see it from outside: the ffmpeg whose command line
 * writes into the channel's live folder ({@code <data dir>/live/<channelId>/}), and the playlists it writes
 * there. It can also hold the capture, so that a baseline encode runs alone on the machine: it stops
 * (SIGSTOP) WildFly first, so that the capture supervisor's watchdog cannot start a new ffmpeg meanwhile, and
 * then the ffmpeg; {@link #release} lets both go on and waits until the capture is live again, whether the
 * supervisor restarted ffmpeg or ffmpeg caught up.
 */
final class ReplycastCapture {

    /** How close to now the newest segment must end for the capture to count as live. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    private final Path folder;
    private final long serverPid;
    private volatile List<Long> held = List.of();
    private boolean releaseOnExit;

    /** @param serverPid WildFly's process, which {@link #hold()} stops while the baseline runs */
    ReplycastCapture(Path folder, long serverPid) {
        this.folder = folder.toAbsolutePath().normalize();
        this.serverPid = serverPid;
    }

    Path folder() {
        return folder;
    }

    /** The capture's ffmpeg processes now running: normally one. */
    List<Long> ffmpegPids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        List<String> arguments =
                                arguments(Long.parseLong(p.getFileName().toString()));
                        if (!arguments.isEmpty()
                                && arguments.get(0).contains("ffmpeg")
                                && arguments.stream().anyMatch(a -> a.startsWith(folder + "/"))) {
                            pids.add(Long.parseLong(p.getFileName().toString()));
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes in /proc: " + e.getMessage(), e);
        }
        return pids;
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

    /** Stops WildFly, then the capture's ffmpeg, until {@link #release}. */
    void hold() {
        if (!releaseOnExit) {
            // Ctrl-C while held must not leave a stopped WildFly behind.
            Runtime.getRuntime().addShutdownHook(new Thread(this::releaseQuietly, "release-replycast"));
            releaseOnExit = true;
        }
        signal("STOP", serverPid);
        held = ffmpegPids();
        held.forEach(pid -> signal("STOP", pid));
    }

    /** Lets WildFly and then the held ffmpeg go on, and waits until the capture is live again. */
    void release(Duration timeout) {
        signal("CONT", serverPid);
        // The watchdog runs first: it may end the held ffmpeg as stalled and start a new one, which is fine.
        Pause.of(Duration.ofSeconds(1));
        held.forEach(pid -> signal("CONT", pid));
        held = List.of();
        awaitLive(timeout);
    }

    /** Makes sure nothing stays stopped when the benchmark fails half-way. */
    void releaseQuietly() {
        signal("CONT", serverPid);
        held.forEach(pid -> signal("CONT", pid));
        held = List.of();
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not send SIG" + signal + " to " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

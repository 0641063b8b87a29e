package org.replycast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.replycast.media.CaptureSource;
import org.replycast.media.FfmpegInstallation;
import org.replycast.media.HlsCommand;
import org.replycast.media.HlsLadder;

/**
 * The live benchmarks' baseline encoder: the ffmpeg command that Replycast's capture runs ({@link
 * HlsCommand#build} with the same binary, source and ladder, as a first start), started by hand as a plain
 * child process writing into a folder of its own, with nothing supervising it.
 */
final class ReferenceEncoder implements AutoCloseable {

    private final Process process;
    private final Path folder;

    private ReferenceEncoder(Process process, Path folder) {
        this.process = process;
        this.folder = folder;
    }

    /**
     * The command for the folder: the media worker's own, with the JAVE2 ffmpeg, for a first start.
     *
     * @param ladder the channel's ladder setting, or null for the default ladder
     */
    static List<String> command(String source, String ladder, Path folder, boolean continuing) {
        return HlsCommand.build(
                new FfmpegInstallation().executable(),
                CaptureSource.parse(source),
                ladder == null ? HlsLadder.DEFAULT : HlsLadder.parse(ladder),
                folder,
                continuing);
    }

    /**
     * How Replycast's command line (as read from {@code /proc}) differs from the media worker's for the same
     * source and ladder once its folder is replaced by ours: an empty list when it is the same, either as a
     * first start or as a restart that continues the playlists (as after a benchmark held the capture).
     */
    static List<String> differences(
            String source, String ladder, List<String> theirs, Path theirFolder, Path ourFolder) {
        List<String> asRestart = differences(command(source, ladder, ourFolder, true), theirs, theirFolder, ourFolder);
        List<String> asStart = differences(command(source, ladder, ourFolder, false), theirs, theirFolder, ourFolder);
        return asRestart.isEmpty() ? asRestart : asStart;
    }

    private static List<String> differences(List<String> ours, List<String> theirs, Path theirFolder, Path ourFolder) {
        List<String> mapped = theirs.stream()
                .map(a -> a.replace(theirFolder.toString(), ourFolder.toString()))
                .toList();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(ours.size(), mapped.size()); i++) {
            String a = i < ours.size() ? ours.get(i) : "(nothing)";
            String b = i < mapped.size() ? mapped.get(i) : "(nothing)";
            if (!a.equals(b)) {
                differences.add("argument " + i + ": media worker `" + a + "`, Replycast `" + b + "`");
            }
        }
        return differences;
    }

    /** Starts the command into its folder, emptied first so that no old playlist is continued. */
    static ReferenceEncoder start(List<String> command, Path folder) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> old = Files.walk(folder)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(folder);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolveSibling(folder.getFileName() + "-ffmpeg.log")
                            .toFile())
                    .start();
            return new ReferenceEncoder(process, folder);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the baseline ffmpeg: " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    Path folder() {
        return folder;
    }

    /** Waits until the first rendition's playlist lists at least this many segments. */
    void awaitSegments(int segments, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Path playlist = folder.resolve("0/index.m3u8");
        while (true) {
            try {
                if (Files.exists(playlist)
                        && LivePlaylist.parse(Files.readString(playlist))
                                        .segments()
                                        .size()
                                >= segments) {
                    return;
                }
            } catch (IOException | RuntimeException replacedMeanwhile) {
                // read again
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "the baseline ffmpeg wrote no " + segments + " segments within " + timeout.toSeconds()
                                + " s; see " + folder.resolveSibling(folder.getFileName() + "-ffmpeg.log"));
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: ffmpeg ends the stream cleanly
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

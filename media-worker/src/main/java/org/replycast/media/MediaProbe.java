package org.replycast.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a stored file is: WebM/Matroska and MP4/MOV, the common replies, from their headers in the JVM
 * ({@link ContainerProbe}, no process per reply); anything else with the bundled ffmpeg (JAVE2 brings no
 * ffprobe): container, codecs and duration from {@code ffmpeg -i}, and, for files whose header has no duration,
 * the duration from reading the file through once without decoding.
 */
public final class MediaProbe {

    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '", Pattern.MULTILINE);
    private static final Pattern DURATION =
            Pattern.compile("^\\s*Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)", Pattern.MULTILINE);
    private static final Pattern STREAM =
            Pattern.compile("^\\s*Stream #0:\\d+\\S*: (Video|Audio): ([A-Za-z0-9_]+)", Pattern.MULTILINE);
    private static final Pattern PROGRESS_TIME = Pattern.compile("time=(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

    private final FfmpegInstallation ffmpeg;
    private final Duration timeout;

    /** A prober that gives ffmpeg, looked up only if needed, at most the timeout for each of its runs. */
    public MediaProbe(FfmpegInstallation ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /**
     * Probes the file; a file that is not media at all comes back with a null container.
     *
     * @throws IOException when ffmpeg does not run or does not finish in time
     */
    public ProbedMedia probe(Path file) throws IOException {
        Optional<ProbedMedia> known = ContainerProbe.probe(file);
        return known.isPresent() ? known.get() : probeWithFfmpeg(file);
    }

    /** What ffmpeg finds in the file, whatever its container. */
    ProbedMedia probeWithFfmpeg(Path file) throws IOException {
        String executable = ffmpeg.executable();
        String header = run(List.of(executable, "-hide_banner", "-nostdin", "-i", file.toString()));
        ProbedMedia found = parse(header);
        if (found.container() == null || found.duration().isPresent()) {
            return found;
        }
        String copied = run(List.of(
                executable,
                "-hide_banner",
                "-nostdin",
                "-i",
                file.toString(),
                "-map",
                "0",
                "-c",
                "copy",
                "-f",
                "null",
                "-"));
        return new ProbedMedia(found.container(), found.videoCodecs(), found.audioCodecs(), lastProgressTime(copied));
    }

    /** What {@code ffmpeg -i} printed about its input. */
    static ProbedMedia parse(String output) {
        Matcher input = INPUT.matcher(output);
        if (!input.find()) {
            return new ProbedMedia(null, List.of(), List.of(), Optional.empty());
        }
        List<String> video = new ArrayList<>();
        List<String> audio = new ArrayList<>();
        Matcher stream = STREAM.matcher(output);
        while (stream.find()) {
            (stream.group(1).equals("Video") ? video : audio).add(stream.group(2));
        }
        Matcher duration = DURATION.matcher(output);
        Optional<Duration> length = duration.find() ? Optional.of(time(duration)) : Optional.empty();
        return new ProbedMedia(input.group(1), video, audio, length);
    }

    /** The last {@code time=} of ffmpeg's progress lines: how far it read. */
    static Optional<Duration> lastProgressTime(String output) {
        Matcher progress = PROGRESS_TIME.matcher(output);
        Duration last = null;
        while (progress.find()) {
            last = time(progress);
        }
        return Optional.ofNullable(last);
    }

    private static Duration time(Matcher hoursMinutesSeconds) {
        long millis = Math.round(Double.parseDouble(hoursMinutesSeconds.group(3)) * 1000);
        return Duration.ofHours(Long.parseLong(hoursMinutesSeconds.group(1)))
                .plusMinutes(Long.parseLong(hoursMinutesSeconds.group(2)))
                .plusMillis(millis);
    }

    /** Runs ffmpeg and returns what it wrote; its exit code says nothing here ({@code -i} alone "fails"). */
    private String run(List<String> command) throws IOException {
        // Into a file, not a pipe, so a stuck ffmpeg is caught by the timeout instead of blocking a read.
        Path output = Files.createTempFile("replycast-probe", ".log");
        Process process = FfmpegInstallation.processBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("ffmpeg did not finish probing within " + timeout);
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing", interrupted);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}

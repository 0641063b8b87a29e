package org.replycast.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg command run to its end, for work on stored files (as opposed to the supervised live capture).
 * A failure carries ffmpeg's last words, so a log line or a refusal can say what went wrong.
 */
final class FfmpegRun {

    private static final int LAST_WORDS = 400;

    private FfmpegRun() {}

    /**
     * Runs the command and waits for it.
     *
     * @throws IOException when ffmpeg does not start, exits with an error, or outlasts the timeout (it is then
     *     killed)
     */
    static void run(List<String> command, Duration timeout) throws IOException {
        Path log = Files.createTempFile("replycast-ffmpeg-", ".log");
        try {
            Process ffmpeg = FfmpegInstallation.processBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean finished;
            try {
                finished = ffmpeg.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while ffmpeg was working", interrupted);
            } finally {
                ffmpeg.destroyForcibly();
            }
            if (!finished) {
                throw new IOException("ffmpeg took longer than " + timeout.toSeconds() + " s: " + lastWords(log));
            }
            if (ffmpeg.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + lastWords(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastWords(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        return text.length() <= LAST_WORDS ? text : "…" + text.substring(text.length() - LAST_WORDS);
    }
}

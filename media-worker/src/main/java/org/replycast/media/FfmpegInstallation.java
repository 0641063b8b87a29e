package org.replycast.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * The ffmpeg binary that JAVE2 ships for this platform, unpacked on first use. Everything the media
 * worker runs goes through {@link #executable()}, so no system ffmpeg is needed.
 */
public final class FfmpegInstallation {

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    private String executable;

    /** The path is looked up (JAVE2 checks and unpacks the binary, one caller at a time) on first use only. */
    public synchronized String executable() {
        if (executable == null) {
            executable = new DefaultFFMPEGLocator().getExecutablePath();
        }
        return executable;
    }

    /**
     * A process builder for an ffmpeg command line, with the environment the bundled static build needs: it
     * would load the system's iconv modules to read MPEG-TS service names and crash on them, so it is given
     * none to find and reads the names as they are.
     */
    public static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GCONV_PATH", "/nonexistent/replycast-no-iconv-modules");
        return builder;
    }

    /**
     * Runs {@code ffmpeg -version} and returns its first line, such as {@code ffmpeg version 4.4 ...}.
     *
     * @throws IOException when the binary does not run or does not answer in time
     */
    public String version() throws IOException {
        Process process = processBuilder(List.of(executable, "-hide_banner", "-version"))
                .redirectErrorStream(true)
                .start();
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(VERSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(
                        "ffmpeg -version failed: " + text.lines().findFirst().orElse(""));
            }
            return text.lines().findFirst().orElseThrow(() -> new IOException("ffmpeg -version printed nothing"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking ffmpeg for its version", interrupted);
        } finally {
            process.destroyForcibly();
        }
    }
}

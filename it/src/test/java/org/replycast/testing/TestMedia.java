package org.replycast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.replycast.media.FfmpegInstallation;

/**
 * Real reply media for system tests, made once per run by the bundled ffmpeg: a WebM (VP8 and Opus, as
 * Chromium's recorder makes) of a test picture and a tone, small enough to send quickly.
 */
public final class TestMedia {

    private static byte[] webm;

    private TestMedia() {}

    /** Eight seconds of 320×240 picture and sound, about 250 kB. */
    public static synchronized byte[] webm() {
        if (webm == null) {
            webm = make();
        }
        return webm.clone();
    }

    private static byte[] make() {
        Path target = Path.of(System.getProperty("replycast.it.artifacts", "target/artifacts"), "reply.webm");
        try {
            Files.createDirectories(target.getParent());
            Process ffmpeg = FfmpegInstallation.processBuilder(List.of(
                            new FfmpegInstallation().executable(),
                            "-hide_banner",
                            "-nostdin",
                            "-loglevel",
                            "error",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc=size=320x240:rate=25:duration=8",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=440:duration=8",
                            "-c:v",
                            "libvpx",
                            "-b:v",
                            "300k",
                            "-deadline",
                            "realtime",
                            "-cpu-used",
                            "8",
                            "-c:a",
                            "libopus",
                            "-shortest",
                            "-y",
                            target.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(target.resolveSibling("reply-ffmpeg.log").toFile())
                    .start();
            if (!ffmpeg.waitFor(2, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not make the test reply; see reply-ffmpeg.log");
            }
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new IllegalStateException("could not make the test reply", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

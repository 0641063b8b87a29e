package org.replycast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.replycast.media.FfmpegInstallation;

/** Media for reply tests, made with the bundled ffmpeg: a video with sound, as a phone would record it. */
public final class TestMedia {

    private TestMedia() {}

    /** An MP4 (H.264 and AAC) of the test picture and a tone, lasting the seconds given. */
    public static byte[] video(int seconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile("replycast-reply", ".mp4");
        try {
            Process ffmpeg = FfmpegInstallation.processBuilder(List.of(
                            new FfmpegInstallation().executable(),
                            "-hide_banner",
                            "-nostdin",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc=size=320x240:rate=25",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=440",
                            "-t",
                            String.valueOf(seconds),
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-movflags",
                            "+faststart",
                            file.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw new IOException("ffmpeg could not make the test video");
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The lower-case hex SHA-256 of the bytes, as an end signal names it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

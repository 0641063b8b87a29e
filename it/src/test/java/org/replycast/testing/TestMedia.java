package org.replycast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.replycast.media.FfmpegInstallation;
import org.replycast.media.MediaProbe;
import org.replycast.media.ProbedMedia;

/** Media for reply tests, made with the bundled ffmpeg: a video with sound, as a phone would record it, or any other. */
public final class TestMedia {

    private TestMedia() {}

    /** An MP4 (H.264 and AAC) of the test picture and a tone, lasting the seconds given. */
    public static byte[] video(int seconds) throws IOException, InterruptedException {
        return testPicture(
                seconds,
                ".mp4",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-movflags",
                "+faststart");
    }

    /**
     * The test picture (320x240) and a tone, lasting the seconds given, in the container that the suffix names
     * with the codecs (and options) given.
     */
    public static byte[] testPicture(int seconds, String suffix, String... codecs)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440",
                "-t",
                String.valueOf(seconds)));
        arguments.addAll(List.of(codecs));
        return make(suffix, arguments.toArray(String[]::new));
    }

    /**
     * What ffmpeg makes of the arguments (its inputs, codecs and options) in a file with the suffix given, which
     * names the container.
     */
    public static byte[] make(String suffix, String... arguments) throws IOException, InterruptedException {
        Path file = Files.createTempFile("replycast-reply", suffix);
        try {
            List<String> command =
                    new ArrayList<>(List.of(new FfmpegInstallation().executable(), "-hide_banner", "-nostdin", "-y"));
            command.addAll(List.of(arguments));
            command.add(file.toString());
            Process ffmpeg = FfmpegInstallation.processBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw new IOException("ffmpeg could not make the test media " + List.of(arguments));
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What the server's own prober (the bundled ffmpeg) finds in the media, written to a file with the suffix. */
    public static ProbedMedia probe(byte[] media, String suffix) throws IOException {
        Path file = Files.createTempFile("replycast-probe", suffix);
        try {
            Files.write(file, media);
            return new MediaProbe(new FfmpegInstallation(), Duration.ofMinutes(1)).probe(file);
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

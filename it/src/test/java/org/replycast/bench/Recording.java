package org.replycast.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * The reply every simulated terminal sends: a WebM (VP8 and Opus, as Chromium's recorder makes it) of a test
 * picture and tone at a set bit rate, made once by the bundled ffmpeg, cut into the segments a recorder
 * would hand over at each interval.
 */
final class Recording {

    private final byte[] bytes;
    private final int segmentCount;
    private final String sha256;

    private Recording(byte[] bytes, int segmentCount) {
        this.bytes = bytes;
        this.segmentCount = segmentCount;
        this.sha256 = sha256Of(bytes);
    }

    /**
     * The recording of that length and bit rate, from {@code folder} if it was made before.
     *
     * @param interval how often the recorder hands over a segment
     */
    static Recording of(Path folder, Duration length, int kilobitsPerSecond, Duration interval) throws IOException {
        Path file = folder.resolve("reply-" + length.toSeconds() + "s-" + kilobitsPerSecond + "k.webm");
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            encode(file, length, kilobitsPerSecond);
        }
        int segments = (int) Math.max(1, length.toMillis() / interval.toMillis());
        return new Recording(Files.readAllBytes(file), segments);
    }

    private static void encode(Path file, Duration length, int kilobitsPerSecond) throws IOException {
        Progress.say(
                "Recording a %d s reply at %d kbit/s with the bundled ffmpeg", length.toSeconds(), kilobitsPerSecond);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp.webm");
        int videoKilobits = Math.max(100, kilobitsPerSecond - 64);
        Process ffmpeg = FfmpegInstallation.processBuilder(List.of(
                        new FfmpegInstallation().executable(),
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-t",
                        String.valueOf(length.toSeconds()),
                        "-c:v",
                        "libvpx",
                        "-deadline",
                        "realtime",
                        "-cpu-used",
                        "8",
                        "-b:v",
                        videoKilobits + "k",
                        "-minrate",
                        videoKilobits + "k",
                        "-maxrate",
                        videoKilobits + "k",
                        "-c:a",
                        "libopus",
                        "-b:a",
                        "64k",
                        temporary.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(ffmpeg.getInputStream().readAllBytes());
            if (!ffmpeg.waitFor(5, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
                throw new IOException("ffmpeg could not make the recording: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording", e);
        } finally {
            ffmpeg.destroyForcibly();
        }
        Files.move(temporary, file);
    }

    /** The segments in order, as read-only views of the recording; together they are the whole of it. */
    List<ByteBuffer> segments() {
        List<ByteBuffer> segments = new ArrayList<>(segmentCount);
        int size = (bytes.length + segmentCount - 1) / segmentCount;
        for (int offset = 0; offset < bytes.length; offset += size) {
            segments.add(ByteBuffer.wrap(bytes, offset, Math.min(size, bytes.length - offset))
                    .asReadOnlyBuffer()
                    .slice());
        }
        return segments;
    }

    long length() {
        return bytes.length;
    }

    String sha256() {
        return sha256;
    }

    /** The bit rate at which the segments go out. */
    double kilobitsPerSecond(Duration interval) {
        return bytes.length * 8.0 / 1000 / (segmentCount * interval.toMillis() / 1000.0);
    }

    private static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

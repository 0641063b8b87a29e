package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ffmpeg turns a reply as a browser records it into what a venue screen plays. */
class DisplayCopyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FfmpegInstallation ffmpeg = new FfmpegInstallation();
    private final DisplayCopy displayCopy = new DisplayCopy(ffmpeg, TIMEOUT);

    @Test
    void aRecordedVideoReplyBecomesAFastStartMp4AndAThumbnail(@TempDir Path folder) throws Exception {
        Path original = record(folder, "reply.webm", true);
        byte[] originalBytes = Files.readAllBytes(original);

        displayCopy.make(original, true, folder.resolve("reply.mp4"), folder.resolve("reply.jpg"));

        byte[] playable = Files.readAllBytes(folder.resolve("reply.mp4"));
        assertTrue(indexOf(playable, "moov") < indexOf(playable, "mdat"), "the index comes before the media");
        String streams = describe(folder.resolve("reply.mp4"));
        assertTrue(streams.contains("Video: h264"), streams);
        assertTrue(streams.contains("yuv420p"), streams);
        assertTrue(streams.contains("640x360"), "an odd-sized picture gets even dimensions: " + streams);
        assertTrue(streams.contains("Audio: aac"), streams);
        assertThumbnail(folder.resolve("reply.jpg"));
        assertArrayEquals(originalBytes, Files.readAllBytes(original), "the original stays byte for byte");
        assertNoTemporaryFiles(folder);
    }

    @Test
    void anAudioReplyBecomesAnAudioOnlyMp4AndAWaveform(@TempDir Path folder) throws Exception {
        Path original = record(folder, "reply.webm", false);

        displayCopy.make(original, false, folder.resolve("reply.mp4"), folder.resolve("reply.jpg"));

        String streams = describe(folder.resolve("reply.mp4"));
        assertTrue(streams.contains("Audio: aac"), streams);
        assertFalse(streams.contains("Video:"), streams);
        assertThumbnail(folder.resolve("reply.jpg"));
    }

    @Test
    void contentThatIsNotMediaFailsWithFfmpegsReasonAndLeavesNoCopy(@TempDir Path folder) throws Exception {
        Path original = folder.resolve("notes.txt");
        Files.writeString(original, "not audio, not video");

        IOException failure = assertThrows(
                IOException.class,
                () -> displayCopy.make(original, true, folder.resolve("notes.mp4"), folder.resolve("notes.jpg")));

        assertTrue(failure.getMessage().startsWith("ffmpeg failed: "), failure.getMessage());
        assertTrue(failure.getMessage().length() > "ffmpeg failed: ".length(), "ffmpeg's own words follow");
        assertFalse(Files.exists(folder.resolve("notes.mp4")));
        assertNoTemporaryFiles(folder);
    }

    /** A 3 s reply as Chromium's MediaRecorder sends it: WebM with VP8 (or none) and Opus. */
    private Path record(Path folder, String name, boolean withVideo) throws IOException {
        Path reply = folder.resolve(name);
        List<String> command = withVideo
                ? List.of(
                        ffmpeg.executable(),
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=641x361:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-t",
                        "3",
                        "-c:v",
                        "libvpx",
                        "-b:v",
                        "500k",
                        "-c:a",
                        "libopus",
                        reply.toString())
                : List.of(
                        ffmpeg.executable(),
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-t",
                        "3",
                        "-c:a",
                        "libopus",
                        reply.toString());
        FfmpegRun.run(command, TIMEOUT);
        return reply;
    }

    /** ffmpeg's description of the file's streams (it exits with an error because no output is named). */
    private String describe(Path file) throws Exception {
        Process process = FfmpegInstallation.processBuilder(
                        List.of(ffmpeg.executable(), "-hide_banner", "-i", file.toString()))
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    private void assertThumbnail(Path thumbnail) throws Exception {
        byte[] jpeg = Files.readAllBytes(thumbnail);
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1], "a JPEG starts with SOI");
        assertTrue(describe(thumbnail).contains(", " + DisplayCopy.THUMBNAIL_WIDTH + "x"), describe(thumbnail));
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            assertEquals(
                    List.of(),
                    files.filter(file -> file.toString().endsWith(".tmp")).toList());
        }
    }

    private static int indexOf(byte[] data, String box) {
        byte[] name = box.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + name.length <= data.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (data[i + j] != name[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + box + " box");
    }
}

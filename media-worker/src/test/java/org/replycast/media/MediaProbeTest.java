package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void aVideoWithSoundHasItsContainerCodecsAndDuration() throws Exception {
        Path video = folder.resolve("reply.part");
        encode(video, "mp4", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");

        ProbedMedia probed = new MediaProbe(new FfmpegInstallation(), TIMEOUT).probe(video);

        assertTrue(probed.container().contains("mp4"), probed.toString());
        assertEquals(List.of("h264"), probed.videoCodecs());
        assertEquals(List.of("aac"), probed.audioCodecs());
        long millis = probed.duration().orElseThrow().toMillis();
        assertTrue(millis >= 1900 && millis <= 2100, probed.toString());
        assertTrue(probed.isAudioOrVideo());
    }

    @Test
    void aStreamWithoutDurationInItsHeaderIsMeasuredByReadingItThrough() throws Exception {
        Path stream = folder.resolve("recorded.part");
        encode(stream, "mpegts", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");

        ProbedMedia probed = new MediaProbe(new FfmpegInstallation(), TIMEOUT).probe(stream);

        assertTrue(probed.isAudioOrVideo(), probed.toString());
        assertTrue(probed.duration().orElseThrow().toMillis() >= 1500, probed.toString());
    }

    @Test
    void textIsNotMedia() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.part"), "Dear grandma, this is not a video.\n".repeat(100));

        ProbedMedia probed = new MediaProbe(new FfmpegInstallation(), TIMEOUT).probe(text);

        assertNull(probed.container(), probed.toString());
        assertFalse(probed.isAudioOrVideo());
    }

    @Test
    void parsesFfmpegsDescriptionOfItsInput() {
        ProbedMedia probed = MediaProbe.parse(
                """
                Input #0, matroska,webm, from 'x.part':
                  Metadata:
                    encoder         : Chrome
                  Duration: N/A, start: 0.000000, bitrate: N/A
                    Stream #0:0(eng): Audio: opus, 48000 Hz, mono, fltp (default)
                    Stream #0:1(eng): Video: vp8, yuv420p(progressive), 640x480, SAR 1:1 DAR 4:3, 30 fps
                At least one output file must be specified
                """);

        assertEquals("matroska,webm", probed.container());
        assertEquals(List.of("vp8"), probed.videoCodecs());
        assertEquals(List.of("opus"), probed.audioCodecs());
        assertEquals(Optional.empty(), probed.duration());
        assertEquals(
                Optional.of(Duration.ofMillis(3_040)),
                MediaProbe.lastProgressTime("frame=1 time=00:00:01.00 bitrate=1\\rframe=2 time=00:00:03.04 x"));
    }

    private static void encode(Path target, String format, String... codecs) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                new FfmpegInstallation().executable(),
                "-hide_banner",
                "-nostdin",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=160x120:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440",
                "-t",
                "2"));
        command.addAll(List.of(codecs));
        command.addAll(List.of("-f", format, target.toString()));
        Process process = FfmpegInstallation.processBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }
}

package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-JVM probe finds what ffmpeg finds, in files that ffmpeg made, and leaves everything else to ffmpeg. */
class ContainerProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String VIDEO_AND_SOUND = "testsrc=size=160x120:rate=25|sine=frequency=440";
    private static final String SOUND = "sine=frequency=440";

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "webm|" + VIDEO_AND_SOUND + "|-c:v libvpx -deadline realtime -cpu-used 8 -c:a libopus",
                "webm|" + VIDEO_AND_SOUND + "|-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -c:a libvorbis",
                "webm|" + SOUND + "|-c:a libopus",
                "matroska|" + VIDEO_AND_SOUND + "|-c:v mpeg4 -c:a mp2",
                "matroska|" + VIDEO_AND_SOUND + "|-c:v libx264 -preset ultrafast -c:a aac",
                "mp4|" + VIDEO_AND_SOUND + "|-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac",
                "mp4|" + VIDEO_AND_SOUND + "|-c:v libx264 -preset ultrafast -c:a aac -movflags +faststart",
                "mp4|" + VIDEO_AND_SOUND + "|-c:v mpeg4 -c:a libmp3lame",
                "mov|" + VIDEO_AND_SOUND + "|-c:v libx264 -preset ultrafast -c:a aac",
                "ipod|" + SOUND + "|-c:a aac"
            })
    void findsWhatFfmpegFinds(String example) throws Exception {
        String[] parts = example.split("\\|");
        Path file = folder.resolve("reply.part");
        encode(file, parts[0], Arrays.copyOfRange(parts, 1, parts.length - 1), parts[parts.length - 1].split(" "));

        assertAgreesWithFfmpeg(file);
    }

    @Test
    void aLiveRecordingWithoutDurationIsMeasuredByItsLastBlock() throws Exception {
        // Written to a pipe, as a browser's MediaRecorder writes: no duration, no cues, clusters of unknown size.
        Path file = folder.resolve("recorded.part");
        encode(
                file,
                "webm",
                new String[] {"testsrc=size=160x120:rate=30", SOUND},
                "-c:v libvpx -deadline realtime -cpu-used 8 -c:a libopus -live 1".split(" "));

        ProbedMedia probed = assertAgreesWithFfmpeg(file);
        assertTrue(probed.isAudioOrVideo());
    }

    @Test
    void leavesOtherFilesToFfmpeg() throws Exception {
        Path wav = folder.resolve("tone.part");
        encode(wav, "wav", new String[] {SOUND}, "-c:a", "pcm_s16le");
        Path text = Files.writeString(folder.resolve("notes.part"), "Dear grandma, this is not a video.\n");
        Path fakeWebm = Files.write(folder.resolve("fake.part"), new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0});

        assertEquals(Optional.empty(), ContainerProbe.probe(wav));
        assertEquals(Optional.empty(), ContainerProbe.probe(text));
        assertEquals(Optional.empty(), ContainerProbe.probe(fakeWebm));
    }

    @Test
    void aCutOffMp4IsLeftToFfmpeg() throws Exception {
        Path file = folder.resolve("cut.part");
        encode(file, "mp4", VIDEO_AND_SOUND.split("\\|"), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertEquals(Optional.empty(), ContainerProbe.probe(file));
    }

    private ProbedMedia assertAgreesWithFfmpeg(Path file) throws IOException {
        ProbedMedia expected = new MediaProbe(new FfmpegInstallation(), TIMEOUT).probeWithFfmpeg(file);
        ProbedMedia probed = ContainerProbe.probe(file).orElseThrow(() -> new AssertionError("not read: " + expected));

        assertEquals(expected.container(), probed.container());
        assertEquals(expected.videoCodecs(), probed.videoCodecs());
        assertEquals(expected.audioCodecs(), probed.audioCodecs());
        long difference = Math.abs(expected.duration().orElseThrow().toMillis()
                - probed.duration().orElseThrow().toMillis());
        assertTrue(difference <= 100, "ffmpeg: " + expected + ", read: " + probed);
        return probed;
    }

    /** Two seconds of the inputs (lavfi sources) in the format and codecs given, written through a pipe for live. */
    private static void encode(Path target, String format, String[] inputs, String... codecs) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(new FfmpegInstallation().executable(), "-hide_banner", "-nostdin", "-y"));
        for (String input : inputs) {
            command.addAll(List.of("-f", "lavfi", "-i", input));
        }
        command.addAll(List.of("-t", "2"));
        command.addAll(List.of(codecs));
        boolean live = command.contains("-live");
        command.addAll(List.of("-f", format, live ? "pipe:1" : target.toString()));
        Process process = FfmpegInstallation.processBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (live) {
            try (OutputStream out = Files.newOutputStream(target)) {
                process.getInputStream().transferTo(out);
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), command.toString());
    }
}

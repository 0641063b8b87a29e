package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ffmpeg, run with the command the media worker builds, writes a live HLS ladder. */
class HlsCommandTest {

    @Test
    void theTestSourceBecomesAKeyframeAlignedLadderWithProgramDateTime(@TempDir Path folder) throws Exception {
        List<String> command = HlsCommand.build(
                new FfmpegInstallation().executable(), CaptureSource.parse("test"), HlsLadder.DEFAULT, folder, false);
        Files.createDirectories(folder.resolve("0"));
        Files.createDirectories(folder.resolve("1"));
        Process ffmpeg = FfmpegInstallation.processBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("ffmpeg.log").toFile())
                .start();
        try {
            Path media = folder.resolve("1").resolve("index.m3u8");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (segments(media) < 3) {
                assertTrue(ffmpeg.isAlive(), () -> "ffmpeg stopped: " + logOf(folder));
                assertTrue(Instant.now().isBefore(deadline), "no 3 segments within 60 s");
                Thread.sleep(200);
            }

            String master = read(folder.resolve("index.m3u8"));
            assertTrue(master.contains("RESOLUTION=1280x720"), master);
            assertTrue(master.contains("RESOLUTION=640x360"), master);
            assertTrue(master.contains("mp4a.40.2"), "AAC audio in every rendition: " + master);
            String playlist = read(media);
            assertTrue(playlist.contains("#EXT-X-PROGRAM-DATE-TIME:"), playlist);
            assertTrue(playlist.contains("#EXT-X-TARGETDURATION:1"), playlist);
            Process reader = FfmpegInstallation.processBuilder(List.of(
                            new FfmpegInstallation().executable(),
                            "-v",
                            "error",
                            "-i",
                            media.toString(),
                            "-t",
                            "1",
                            "-c",
                            "copy",
                            "-f",
                            "null",
                            "-"))
                    .redirectErrorStream(true)
                    .start();
            String said = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, reader.waitFor(), "the bundled ffmpeg reads its own MPEG-TS segments back: " + said);
        } finally {
            ffmpeg.destroy();
            assertTrue(ffmpeg.waitFor(10, TimeUnit.SECONDS), "ffmpeg stops when asked");
        }
    }

    @Test
    void sourcesAreReadAsTheChannelSettingSaysAndCredentialsStayOutOfTheDescription() {
        assertEquals("1:a", CaptureSource.parse("test").audioStream());
        CaptureSource camera = CaptureSource.parse("rtsp://user:secret@10.0.0.7/stream1");
        assertEquals(
                List.of("-rtsp_transport", "tcp", "-i", "rtsp://user:secret@10.0.0.7/stream1"),
                camera.inputArguments());
        assertFalse(camera.description().contains("secret"), camera.description());
        assertTrue(CaptureSource.parse("/srv/loop.mp4").inputArguments().containsAll(List.of("-stream_loop", "-1")));
        assertTrue(CaptureSource.parse("v4l2:/dev/video0").inputArguments().contains("/dev/video0"));
        assertEquals(
                List.of("-f", "v4l2", "-i", "/dev/video2", "-f", "alsa", "-i", "hw:1,0"),
                CaptureSource.parse("v4l2:/dev/video2,alsa:hw:1,0").inputArguments());
        assertThrows(IllegalArgumentException.class, () -> CaptureSource.parse("v4l2:video0"));
        assertThrows(IllegalArgumentException.class, () -> CaptureSource.parse("ftp://example.org/x"));
        assertThrows(IllegalArgumentException.class, () -> CaptureSource.parse(" "));
    }

    @Test
    void aNetworkSourceIsGivenToFfmpegWithItsAddressBecauseTheStaticBuildCannotResolveNames() throws Exception {
        CaptureSource camera =
                CaptureSource.parse("rtsp://user:secret@localhost:8554/stream1").withAddressResolved();

        assertTrue(camera.inputArguments().contains("rtsp://user:secret@127.0.0.1:8554/stream1"), camera.toString());
        assertEquals("srt://[::1]:9000", CaptureSource.withAddress("srt://[::1]:9000"));
        assertEquals("/srv/loop.mp4", CaptureSource.withAddress("/srv/loop.mp4"));
        assertThrows(UnknownHostException.class, () -> CaptureSource.parse("rtmp://camera.invalid/live")
                .withAddressResolved());
    }

    @Test
    void aChannelsLadderIsReadFromItsSettingAndAnythingElseIsRefusedSayingWhatIsAccepted() {
        HlsLadder ladder = HlsLadder.parse("1920x1080@5000k, 854x480@1200k");
        assertEquals(
                List.of(new HlsRendition(1920, 1080, 5000), new HlsRendition(854, 480, 1200)), ladder.renditions());
        assertEquals(HlsLadder.DEFAULT.segmentSeconds(), ladder.segmentSeconds());
        for (String refused : List.of("", "720p", "1280x720@2500", "640x360@800k,1280x720@2500k", "1281x720@2500k")) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> HlsLadder.parse(refused), refused);
            assertTrue(
                    error.getMessage().contains("ladder") || error.getMessage().contains("rendition"), refused);
        }
    }

    private static long segments(Path playlist) throws IOException {
        return Files.exists(playlist)
                ? read(playlist).lines().filter(line -> line.endsWith(".ts")).count()
                : 0;
    }

    private static String logOf(Path folder) {
        try {
            return read(folder.resolve("ffmpeg.log"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FfmpegInstallationTest {

    @Test
    void bundledFfmpegIsUnpackedAndRuns() throws IOException {
        FfmpegInstallation ffmpeg = new FfmpegInstallation();

        assertTrue(Files.isExecutable(Path.of(ffmpeg.executable())), ffmpeg.executable());
        String version = ffmpeg.version();
        assertTrue(version.startsWith("ffmpeg version "), version);
    }
}

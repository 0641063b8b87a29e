package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.CaptureProcesses;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/**
 * Live capture on the real server with the bundled ffmpeg: a channel on the {@code test} source goes live and
 * says so in the API and the health check; a killed ffmpeg is replaced within 5 s and the playlist goes on
 * after a discontinuity; a source that cannot be read fails with ffmpeg's reason; stopping the capture or
 * removing the channel leaves no ffmpeg behind.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class LiveCaptureIT {

    private static final Duration RESTART_LIMIT = Duration.ofSeconds(5);
    private static final Duration GONE = Duration.ofSeconds(10);

    private final ApiClient api = new ApiClient();
    private String channelId;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @AfterEach
    void removeChannel() {
        if (channelId != null) {
            TestChannels.remove(api, channelId);
        }
    }

    @Test
    void aTestChannelGoesLiveAndSaysSoInTheApiAndTheHealthCheck() throws Exception {
        channelId = TestChannels.create(api, "");

        JsonObject live = TestChannels.awaitStatus(api, channelId, "LIVE", TestChannels.GOING_LIVE);

        assertTrue(live.getBoolean("captureEnabled"));
        assertTrue(Files.exists(folder().resolve("index.m3u8")), "master playlist");
        assertTrue(Files.readString(folder().resolve("0/index.m3u8")).contains("#EXT-X-PROGRAM-DATE-TIME:"));
        String health =
                api.get(ApiClient.managementUri().resolve("health/ready")).body();
        assertTrue(health.contains("\"" + channelId + "\":\"LIVE\""), health);
        assertFalse(live.containsKey("statusDetail"), live.toString());
    }

    @Test
    void aKilledFfmpegIsReplacedWithinFiveSecondsAndThePlaylistGoesOnAfterADiscontinuity() throws Exception {
        channelId = TestChannels.create(api, "");
        TestChannels.awaitStatus(api, channelId, "LIVE", TestChannels.GOING_LIVE);
        ProcessHandle killed = CaptureProcesses.awaitOne(folder(), Duration.ZERO);

        killed.destroyForcibly();
        Instant killedAt = Instant.now();

        ProcessHandle replacement = CaptureProcesses.awaitOne(folder(), RESTART_LIMIT.plusSeconds(1));
        Duration after = Duration.between(killedAt, Instant.now());
        assertNotEquals(killed.pid(), replacement.pid());
        assertTrue(after.compareTo(RESTART_LIMIT) < 0, "replaced after " + after);
        awaitPlaylist(playlist -> {
            int gap = playlist.indexOf("#EXT-X-DISCONTINUITY");
            return gap > 0 && playlist.lastIndexOf(".ts", gap) > 0 && playlist.indexOf(".ts", gap) > 0;
        });
        TestChannels.awaitStatus(api, channelId, "LIVE", TestChannels.GOING_LIVE);
    }

    @Test
    void aSourceThatCannotBeReadFailsWithFfmpegsReason() throws Exception {
        channelId = TestChannels.create(api, "\"source\":\"/nowhere/wedding-loop.mp4\"");

        JsonObject failed = TestChannels.awaitStatus(api, channelId, "FAILED", Duration.ofSeconds(60));

        assertTrue(failed.getString("statusDetail").contains("No such file or directory"), failed.toString());
    }

    @Test
    void stoppingTheCaptureAndRemovingTheChannelLeaveNoFfmpegAndNoFilesBehind() throws Exception {
        channelId = TestChannels.create(api, "");
        TestChannels.awaitStatus(api, channelId, "LIVE", TestChannels.GOING_LIVE);

        assertEquals(
                200,
                TestChannels.patch(api, channelId, "{\"captureEnabled\":false}").statusCode());

        CaptureProcesses.awaitNone(folder(), GONE);
        TestChannels.awaitStatus(api, channelId, "STOPPED", GONE);
        assertTrue(isEmpty(folder()), "no stale playlist stays to be served");

        assertEquals(
                200,
                TestChannels.patch(api, channelId, "{\"captureEnabled\":true,\"ladder\":\"320x180@300k\"}")
                        .statusCode());
        TestChannels.awaitStatus(api, channelId, "LIVE", TestChannels.GOING_LIVE);
        String master = Files.readString(folder().resolve("index.m3u8"));
        assertTrue(master.contains("RESOLUTION=320x180") && !master.contains("640x360"), master);

        TestChannels.remove(api, channelId);
        CaptureProcesses.awaitNone(folder(), GONE);
        assertFalse(Files.exists(folder().resolve("index.m3u8")));
        channelId = null;
    }

    private Path folder() {
        return Path.of(System.getProperty("replycast.it.data.dir"), "live", channelId);
    }

    private void awaitPlaylist(Predicate<String> condition) throws Exception {
        Path playlist = folder().resolve("0/index.m3u8");
        Instant deadline = Instant.now().plus(TestChannels.GOING_LIVE);
        while (!condition.test(Files.exists(playlist) ? Files.readString(playlist) : "")) {
            assertTrue(Instant.now().isBefore(deadline), () -> "playlist not as expected: " + read(playlist));
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.findAny().isEmpty();
        }
    }
}

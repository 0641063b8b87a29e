package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor keeps a real ffmpeg (the bundled one) capturing, and starts it again when it fails. */
class CaptureSupervisorTest {

    private static final HlsLadder SMALL = HlsLadder.parse("320x180@300k");
    private static final String FFMPEG = new FfmpegInstallation().executable();
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final List<CaptureStatus> heard = new CopyOnWriteArrayList<>();
    private CaptureSupervisor supervisor;

    @TempDir
    Path folder;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.shutDown();
        }
        watchdog.shutdownNow();
    }

    @Test
    void theTestSourceGoesLiveAndStoppingLeavesNoProcessAndNoFiles() throws Exception {
        supervisor = supervise("test", SupervisionPolicy.forLadder(SMALL));
        supervisor.start();
        assertEquals(CaptureState.STARTING, heard.get(0).state());
        awaitState(CaptureState.LIVE);
        long pid = supervisor.pid().orElseThrow();
        assertTrue(Files.exists(folder.resolve("index.m3u8")), "master playlist written");

        supervisor.stop();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ffmpeg is gone");
        assertEquals(CaptureState.STOPPED, supervisor.status().state());
        assertEquals(CaptureState.STOPPED, heard.get(heard.size() - 1).state());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "no files left behind");
        }
    }

    @Test
    void aKilledFfmpegIsStartedAgainWithinFiveSecondsAndThePlaylistGoesOnWithADiscontinuity() throws Exception {
        supervisor = supervise("test", SupervisionPolicy.forLadder(SMALL));
        supervisor.start();
        awaitState(CaptureState.LIVE);
        long killed = supervisor.pid().orElseThrow();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        Instant killedAt = Instant.now();

        awaitTrue(
                "a new ffmpeg",
                () -> supervisor.pid().filter(pid -> pid != killed).isPresent());
        Duration restartedAfter = Duration.between(killedAt, Instant.now());
        assertTrue(restartedAfter.compareTo(Duration.ofSeconds(5)) < 0, "restarted after " + restartedAfter);
        assertTrue(heard.stream().anyMatch(status -> status.state() == CaptureState.RESTARTING));
        awaitTrue("the playlist goes on after a discontinuity", () -> {
            String playlist = read(folder.resolve("0/index.m3u8"));
            int gap = playlist.indexOf("#EXT-X-DISCONTINUITY");
            return gap > 0 && playlist.indexOf(".ts", gap) > 0 && playlist.lastIndexOf(".ts", gap) > 0;
        });
        awaitState(CaptureState.LIVE);
        assertEquals(1, supervisor.status().restarts());
    }

    @Test
    void aStalledFfmpegIsKilledAndStartedAgain() throws Exception {
        SupervisionPolicy base = SupervisionPolicy.forLadder(SMALL);
        supervisor = supervise(
                "test",
                new SupervisionPolicy(
                        base.checkInterval(),
                        base.startupTimeout(),
                        Duration.ofSeconds(2),
                        base.backoff(),
                        base.attemptsBeforeFailed(),
                        base.failedRetry(),
                        base.stableAfter()));
        supervisor.start();
        awaitState(CaptureState.LIVE);
        long stalled = supervisor.pid().orElseThrow();

        new ProcessBuilder("kill", "-STOP", Long.toString(stalled)).start().waitFor();

        awaitTrue(
                "a new ffmpeg",
                () -> supervisor.pid().filter(pid -> pid != stalled).isPresent());
        assertFalse(ProcessHandle.of(stalled).map(ProcessHandle::isAlive).orElse(false), "the stalled one is gone");
        assertTrue(heard.stream()
                .anyMatch(status -> status.state() == CaptureState.RESTARTING
                        && status.detail().startsWith("no new segment")));
    }

    @Test
    void aSourceThatCannotBeReadFailsWithFfmpegsReasonAndIsTriedAgain() throws Exception {
        supervisor = supervise(
                folder.resolve("no-such-recording.mp4").toString(),
                new SupervisionPolicy(
                        Duration.ofMillis(100),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3),
                        List.of(Duration.ofMillis(100)),
                        3,
                        Duration.ofMillis(300),
                        Duration.ofSeconds(30)));
        supervisor.start();

        awaitState(CaptureState.FAILED);
        CaptureStatus failed = supervisor.status();
        assertTrue(failed.detail().contains("No such file or directory"), failed.detail());
        assertTrue(heard.stream().anyMatch(status -> status.state() == CaptureState.RESTARTING));
        int restarts = failed.restarts();
        awaitTrue("tried again while failed", () -> supervisor.status().restarts() > restarts);
    }

    @Test
    void anFfmpegLeftBehindByAServerThatDiedIsEndedOnStart() throws Exception {
        Files.createDirectories(folder.resolve("0"));
        CaptureJob job = new CaptureJob("hall", CaptureSource.parse("test"), SMALL, folder);
        Process orphan = FfmpegInstallation.processBuilder(HlsCommand.build(FFMPEG, job.source(), SMALL, folder, false))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("orphan.log").toFile())
                .start();
        Files.writeString(job.pidFile(), Long.toString(orphan.pid()));

        supervisor = supervise("test", SupervisionPolicy.forLadder(SMALL));
        supervisor.start();

        assertFalse(orphan.isAlive(), "the orphan was ended before the new ffmpeg started");
        awaitState(CaptureState.LIVE);
    }

    private CaptureSupervisor supervise(String source, SupervisionPolicy policy) {
        CaptureJob job = new CaptureJob("hall", CaptureSource.parse(source), SMALL, folder);
        return new CaptureSupervisor(
                job, FFMPEG, policy, watchdog, Thread::new, (captured, status) -> heard.add(status));
    }

    private void awaitState(CaptureState state) throws InterruptedException {
        awaitTrue(state.toString(), () -> supervisor.status().state() == state);
    }

    private void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    () -> "not within " + PATIENCE + ": " + what + "; heard " + heard);
            Thread.sleep(50);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException notThereYet) {
            return "";
        }
    }
}

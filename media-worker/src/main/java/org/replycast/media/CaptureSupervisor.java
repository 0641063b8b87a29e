package org.replycast.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps one channel's capture running: starts ffmpeg with the HLS ladder command, and a watchdog notices when
 * it exits or stops writing segments, kills it, and starts it again after a backoff, continuing the playlists
 * with a discontinuity. Every change of state goes to the {@link CaptureListener}. Stopping leaves no ffmpeg
 * behind and no files in the channel's folder.
 */
public final class CaptureSupervisor {

    private final CaptureJob job;
    private final String ffmpeg;
    private final SupervisionPolicy policy;
    private final ScheduledExecutorService watchdog;
    private final ThreadFactory outputReaders;
    private final CaptureListener listener;
    private final Clock clock;

    private FfmpegProcess process;
    private ScheduledFuture<?> watching;
    private CaptureStatus status;
    private Instant launchedAt;
    private Instant liveSince;
    private Instant lastProgress;
    private Duration cpuAtLastProgress;
    private Instant nextAttempt;
    private int failuresInARow;
    private int restarts;

    public CaptureSupervisor(
            CaptureJob job,
            String ffmpeg,
            SupervisionPolicy policy,
            ScheduledExecutorService watchdog,
            ThreadFactory outputReaders,
            CaptureListener listener) {
        this(job, ffmpeg, policy, watchdog, outputReaders, listener, Clock.systemUTC());
    }

    CaptureSupervisor(
            CaptureJob job,
            String ffmpeg,
            SupervisionPolicy policy,
            ScheduledExecutorService watchdog,
            ThreadFactory outputReaders,
            CaptureListener listener,
            Clock clock) {
        this.job = job;
        this.ffmpeg = ffmpeg;
        this.policy = policy;
        this.watchdog = watchdog;
        this.outputReaders = outputReaders;
        this.listener = listener;
        this.clock = clock;
        this.status = new CaptureStatus(CaptureState.STOPPED, null, clock.instant(), 0);
    }

    public CaptureJob job() {
        return job;
    }

    public synchronized CaptureStatus status() {
        return status;
    }

    /** The pid of the ffmpeg running now, for operators and tests. */
    public synchronized Optional<Long> pid() {
        return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.pid());
    }

    /**
     * Starts capturing into an emptied folder, after ending any ffmpeg that an earlier server left writing
     * there.
     */
    public synchronized void start() {
        if (watching != null) {
            return;
        }
        FfmpegProcess.endLeftover(job.pidFile());
        empty(job.folder());
        restarts = 0;
        failuresInARow = 0;
        launch(false, CaptureState.STARTING);
        long interval = policy.checkInterval().toMillis();
        watching = watchdog.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops on purpose: ffmpeg ends, the folder is emptied, and the listener hears {@code STOPPED}. */
    public void stop() {
        if (end()) {
            changeTo(CaptureState.STOPPED, null);
        }
    }

    /**
     * Ends ffmpeg and empties the folder without telling the listener: for a server that shuts down, where
     * the channel is not stopped but will be captured again at the next start.
     */
    public void shutDown() {
        end();
    }

    private synchronized boolean end() {
        if (watching == null) {
            return false;
        }
        watching.cancel(false);
        watching = null;
        if (process != null) {
            process.kill();
            process = null;
        }
        empty(job.folder());
        return true;
    }

    /** One look of the watchdog: is ffmpeg alive, and has it written a segment lately? */
    synchronized void check() {
        if (watching == null) {
            return;
        }
        Instant now = clock.instant();
        if (process == null) {
            if (!now.isBefore(nextAttempt)) {
                launch(true, status.state());
            }
            return;
        }
        if (!process.isAlive()) {
            fail(process.exitReason(), now);
            return;
        }
        Optional<Instant> written = lastWritten();
        if (written.isPresent()
                && written.get().isAfter(launchedAt)
                && !written.get().equals(lastProgress)) {
            lastProgress = written.get();
            cpuAtLastProgress = process.cpuTime();
            if (status.state() != CaptureState.LIVE) {
                liveSince = now;
                changeTo(CaptureState.LIVE, null);
            }
        }
        if (status.state() == CaptureState.LIVE) {
            Duration silent = Duration.between(lastProgress, now);
            if (silent.compareTo(policy.busyStallTimeout()) > 0) {
                fail("no new segment for " + silent.toSeconds() + " s though ffmpeg kept working", now);
            } else if (silent.compareTo(policy.stallTimeout()) > 0
                    && !policy.isBusy(process.cpuTime().minus(cpuAtLastProgress))) {
                fail("no new segment for " + silent.toSeconds() + " s", now);
            }
        } else if (launchedAt.plus(policy.startupTimeout()).isBefore(now)) {
            fail(
                    "no segment within " + policy.startupTimeout().toSeconds() + " s of starting ffmpeg" + lastWords(),
                    now);
        }
    }

    private void fail(String reason, Instant now) {
        if (process != null) {
            process.kill();
            process = null;
        }
        if (liveSince != null && !liveSince.plus(policy.stableAfter()).isAfter(now)) {
            failuresInARow = 0;
        }
        liveSince = null;
        failuresInARow++;
        if (failuresInARow >= policy.attemptsBeforeFailed()) {
            nextAttempt = now.plus(policy.failedRetry());
            changeTo(CaptureState.FAILED, reason);
        } else {
            nextAttempt = now.plus(policy.backoffBefore(failuresInARow));
            changeTo(CaptureState.RESTARTING, reason);
        }
    }

    /** Starts ffmpeg; when it continues after a failure, the state stays as it is until it goes live again. */
    private void launch(boolean continuing, CaptureState state) {
        launchedAt = clock.instant();
        try {
            Files.createDirectories(job.folder());
            for (int i = 0; i < job.ladder().renditions().size(); i++) {
                Files.createDirectories(job.folder().resolve(Integer.toString(i)));
            }
            if (continuing) {
                restarts++;
            }
            List<String> command = HlsCommand.build(
                    ffmpeg, job.source().withAddressResolved(), job.ladder(), job.folder(), continuing);
            process = FfmpegProcess.start(command, job.pidFile(), outputReaders);
            changeTo(state, status.detail());
        } catch (UnknownHostException unknown) {
            fail("the source's host " + unknown.getMessage() + " is not known", launchedAt);
        } catch (IOException | UncheckedIOException notStarted) {
            fail("ffmpeg could not be started: " + notStarted.getMessage(), launchedAt);
        }
    }

    private String lastWords() {
        String said = process.lastLine();
        return said.isEmpty() ? "" : "; ffmpeg said: " + said;
    }

    private Optional<Instant> lastWritten() {
        try {
            return Optional.of(Files.getLastModifiedTime(job.progressMarker()).toInstant());
        } catch (IOException notYetWritten) {
            return Optional.empty();
        }
    }

    private void changeTo(CaptureState state, String detail) {
        CaptureStatus changed = new CaptureStatus(state, detail, clock.instant(), restarts);
        boolean news = status.state() != state || status.restarts() != restarts;
        status = changed;
        if (news) {
            listener.statusChanged(job, changed);
        }
    }

    /** Deletes what is in the folder (the folder stays), so no stale playlist is ever served. */
    private static void empty(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> inside = Files.walk(folder)) {
            for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + folder, e);
        }
    }
}

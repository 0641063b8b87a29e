package org.replycast.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One running ffmpeg of a capture: its output is read on a thread of its own and the last line kept, so a
 * failure can be explained in ffmpeg's words; its process id is written beside its output, so that a
 * supervisor started after a crash of the whole server can end an ffmpeg the crash left behind.
 */
final class FfmpegProcess {

    private static final long EXIT_WAIT_SECONDS = 5;

    private final Process process;
    private final Path pidFile;
    private volatile String lastLine = "";

    private FfmpegProcess(Process process, Path pidFile) {
        this.process = process;
        this.pidFile = pidFile;
    }

    static FfmpegProcess start(List<String> command, Path pidFile, ThreadFactory readers) throws IOException {
        Process process = FfmpegInstallation.processBuilder(command)
                .redirectErrorStream(true)
                .start();
        FfmpegProcess started = new FfmpegProcess(process, pidFile);
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        Thread reader = readers.newThread(started::readOutput);
        reader.setName("ffmpeg-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return started;
    }

    /**
     * Ends the ffmpeg that a pid file names, if it still runs and is still an ffmpeg writing into the same
     * folder (a pid may have been handed to another process since).
     *
     * @return the pid that was ended
     */
    static Optional<Long> endLeftover(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            String folder = pidFile.getParent().toString();
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .commandLine()
                            .filter(line -> line.contains("ffmpeg") && line.contains(folder))
                            .isPresent());
            leftover.ifPresent(FfmpegProcess::endNow);
            Files.deleteIfExists(pidFile);
            return leftover.map(ProcessHandle::pid);
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last line ffmpeg wrote, or empty. */
    String lastLine() {
        return lastLine;
    }

    /** Why the process is gone, in ffmpeg's words where it left any. */
    String exitReason() {
        String said = lastLine;
        String code = process.isAlive() ? "still running" : "exited with code " + process.exitValue();
        return said.isEmpty() ? "ffmpeg " + code : "ffmpeg " + code + ": " + said;
    }

    /**
     * Kills ffmpeg at once (no clean ending: its playlists keep no end mark, so players wait for what comes
     * next) and waits until it and anything it started are gone.
     */
    void kill() {
        endNow(process.toHandle());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void endNow(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        try {
            handle.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception notEndedInTime) {
            // SIGKILL cannot be refused; a process that outlives the wait is stuck in the kernel and ends there.
        }
    }

    private void readOutput() {
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (!line.isBlank()) {
                    lastLine = line.strip();
                }
            }
        } catch (IOException closed) {
            // The process was killed while its output was being read: nothing more to keep.
        }
    }
}

package org.replycast.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ffmpeg processes on this machine that write into a channel's live folder, found by their command line,
 * so that tests can see that a capture runs, kill it, and check that none is left behind.
 */
public final class CaptureProcesses {

    private CaptureProcesses() {}

    /** The live ffmpeg processes whose command line names the folder. */
    public static List<ProcessHandle> writingInto(Path folder) {
        String path = folder.toAbsolutePath().toString() + "/";
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains("ffmpeg") && line.contains(path))
                        .isPresent())
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    /** The one ffmpeg writing into the folder, waiting for it up to the patience given. */
    public static ProcessHandle awaitOne(Path folder, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        List<ProcessHandle> found = writingInto(folder);
        while (found.size() != 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not exactly one ffmpeg writing into " + folder + " within " + patience + ": "
                        + found.stream().map(ProcessHandle::pid).toList());
            }
            Thread.sleep(50);
            found = writingInto(folder);
        }
        return found.get(0);
    }

    /** Waits until no ffmpeg writes into the folder, failing with the pids still there when patience runs out. */
    public static void awaitNone(Path folder, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!writingInto(folder).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("ffmpeg still writing into " + folder + " after " + patience + ": "
                        + writingInto(folder).stream().map(ProcessHandle::pid).toList());
            }
            Thread.sleep(50);
        }
    }
}

package org.replycast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WildFly's heap as the JDK's own tools see it: the live heap after a full collection ({@code jcmd GC.run},
 * then {@code jstat -gc}), and the highest heap in use while sampling once a second. A heap that stays flat
 * under uploads shows the same live heap before and after, whatever the peak.
 */
final class ServerHeap implements AutoCloseable {

    private final long pid;
    private final AtomicLong peakBytes = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    /** Starts sampling the heap in use of the process. */
    static ServerHeap sample(long pid) {
        ServerHeap heap = new ServerHeap(pid);
        heap.sampler.scheduleAtFixedRate(
                () -> heap.peakBytes.accumulateAndGet(heap.usedBytes(), Math::max), 0, 1, TimeUnit.SECONDS);
        return heap;
    }

    /** The live heap after a full collection, in bytes. */
    static long liveAfterCollection(long pid) {
        run("jcmd", String.valueOf(pid), "GC.run");
        return new ServerHeap(pid).usedBytes();
    }

    long peakBytes() {
        return peakBytes.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** Survivor, eden and old generation in use, from {@code jstat -gc} (its values are KiB). */
    private long usedBytes() {
        List<String> lines = run("jstat", "-gc", String.valueOf(pid)).lines().toList();
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double kib = 0;
        for (String used : List.of("S0U", "S1U", "EU", "OU")) {
            kib += Double.parseDouble(values[names.indexOf(used)]);
        }
        return (long) (kib * 1024);
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " did not run; it comes with the JDK", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

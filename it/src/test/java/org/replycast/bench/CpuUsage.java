package org.replycast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the machine's CPU time was shared during a measurement, from Linux's {@code /proc}: the server's
 * process, this load generator, everything else, and the time the hypervisor took away (steal). Each is given
 * in cores: CPU seconds per second of wall time. Assumes the usual 100 clock ticks per second.
 */
record CpuUsage(double server, double loadGenerator, double others, double steal, double serverCpuSeconds) {

    private static final double TICKS_PER_SECOND = 100;

    /**
     * The counters at one moment; the server is one process or several (nginx's master and workers), and a
     * pid of 0 stands for a server process that is not known.
     */
    record Snapshot(long nanos, long serverTicks, long ownTicks, long busyTicks, long stealTicks) {

        static Snapshot take(long... serverPids) {
            long[] machine = machineTicks();
            long serverTicks = 0;
            for (long pid : serverPids) {
                serverTicks += pid > 0 ? processTicks(pid) : 0;
            }
            return new Snapshot(
                    System.nanoTime(), serverTicks, statTicks(Path.of("/proc/self/stat")), machine[0], machine[1]);
        }
    }

    static CpuUsage between(Snapshot before, Snapshot after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        double server = (after.serverTicks() - before.serverTicks()) / TICKS_PER_SECOND;
        double own = (after.ownTicks() - before.ownTicks()) / TICKS_PER_SECOND;
        double busy = (after.busyTicks() - before.busyTicks()) / TICKS_PER_SECOND;
        double steal = (after.stealTicks() - before.stealTicks()) / TICKS_PER_SECOND;
        return new CpuUsage(
                server / seconds, own / seconds, Math.max(0, busy - server - own) / seconds, steal / seconds, server);
    }

    /** CPU seconds (utime + stime) that a process has used so far; 0 when it cannot be read. */
    static double processSeconds(long pid) {
        return processTicks(pid) / TICKS_PER_SECOND;
    }

    /** utime + stime of a process; 0 when it cannot be read (the process is gone, or not Linux). */
    static long processTicks(long pid) {
        return statTicks(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** utime + stime from a process's or a thread's {@code stat} file; 0 when it cannot be read. */
    static long statTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name in parentheses may contain spaces: count the fields after its closing one.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy (user, nice, system, irq, softirq) and steal ticks of all CPUs; zeros when not on Linux. */
    private static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(cpu[i]);
            }
            return new long[] {busy, Long.parseLong(cpu[8])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}

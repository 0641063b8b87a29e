package org.replycast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPU time of each thread of another JVM (WildFly), named and with the top of its stack, for telling the
 * capture supervisor's threads apart from the rest: names and stacks from {@code jcmd <pid> Thread.print}, CPU
 * time from Linux's {@code /proc/<pid>/task/<tid>/stat}, matched by the native thread id.
 */
final class JvmThreads {

    private static final Pattern HEADER = Pattern.compile("^\"(.*)\" .*nid=(0x[0-9a-f]+|[0-9]+) .*");

    /** A thread: its name, the first lines of its stack, and its CPU ticks when the snapshot was taken. */
    record Thread(String name, String stack, long ticks) {}

    private JvmThreads() {}

    /** Every thread of the JVM with its CPU ticks; empty when jcmd cannot attach (then only the total is known). */
    static Map<Long, Thread> snapshot(long pid) {
        Map<Long, String[]> described = describe(pid);
        Map<Long, Thread> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                long tid = Long.parseLong(task.getFileName().toString());
                String[] what = described.getOrDefault(tid, new String[] {comm(task), ""});
                threads.put(tid, new Thread(what[0], what[1], CpuUsage.statTicks(task.resolve("stat"))));
            });
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip() + " (native name)";
        } catch (IOException e) {
            return "?";
        }
    }

    /** Names and stacks by native thread id, from a thread dump. */
    private static Map<Long, String[]> describe(long pid) {
        Map<Long, String[]> threads = new HashMap<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            String[] lines = dump.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher header = HEADER.matcher(lines[i]);
                if (!header.matches()) {
                    continue;
                }
                String nid = header.group(2);
                long tid = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
                StringBuilder stack = new StringBuilder();
                for (int j = i + 1; j < lines.length && !lines[j].isBlank(); j++) {
                    stack.append(lines[j].strip()).append('\n');
                }
                threads.put(tid, new String[] {header.group(1), stack.toString()});
            }
        } catch (IOException e) {
            return threads;
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
        return threads;
    }
}

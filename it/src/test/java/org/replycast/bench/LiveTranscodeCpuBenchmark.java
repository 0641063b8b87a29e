package org.replycast.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.replycast.bench.RoundResults.Metric;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;

/**
 * The live transcode CPU benchmark (run by {@code bench/live-transcode-cpu.sh}): the CPU time of Replycast's
 * capture ffmpeg for a channel against a plain ffmpeg started by hand with the same arguments (only the folder
 * differs), each measured alone over the same time from {@code /proc/<pid>/stat} (utime + stime). While the
 * baseline runs, the channel's capture is switched off (captureEnabled), so one encode runs at a time. Also reports what
 * WildFly spends meanwhile, and which of its threads: the supervision's share.
 */
public final class LiveTranscodeCpuBenchmark {

    private static final String USAGE =
            """
            Usage: LiveTranscodeCpuBenchmark [options]   (normally through bench/live-transcode-cpu.sh)

              --http-port N         Replycast's HTTP port (default 8080)
              --keycloak-port N     the development Keycloak's port, for the admin token (default 8180)
              --server-pid N        WildFly's process id, for its CPU and its threads (required)
              --data-dir PATH       Replycast's data directory, REPLYCAST_DATA_DIR (default ./data)
              --channel ID          the captured channel (default demo)
              --rounds N            rounds; medians are over these (default 3)
              --settle-seconds N    running time before each measurement (default 10)
              --seconds N           length of each measurement (default 30)
            """;

    private static final double GOAL_RATIO = 1.05;
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Threads of WildFly that belong to the capture's supervision, by name or by a frame of their stack; the
     * supervisors' watchdog and output readers come from the default ManagedThreadFactory, which nothing else
     * of Replycast uses.
     */
    private static final Pattern SUPERVISION =
            Pattern.compile("(?i)org\\.replycast\\.media|org\\.replycast\\.live|capture|ffmpeg|process reaper"
                    + "|ManagedThreadFactory");

    private final BenchArguments options;
    private final RoundResults results = new RoundResults();
    private final Map<String, List<Double>> busiestThreads = new LinkedHashMap<>();

    private LiveTranscodeCpuBenchmark(BenchArguments options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> defaults = BenchArguments.liveServerDefaults();
        defaults.put("rounds", "3");
        defaults.put("settle-seconds", "10");
        defaults.put("seconds", "30");
        BenchArguments options = BenchArguments.parse(args, USAGE, defaults);
        options.runAndExit(chosen -> new LiveTranscodeCpuBenchmark(chosen).run());
    }

    private String run() {
        long serverPid = options.number("server-pid");
        if (serverPid == 0) {
            throw new IllegalStateException("--server-pid is needed: WildFly's CPU and threads are measured");
        }
        String channel = options.text("channel");
        jakarta.json.JsonObject settings = ApiClient.object(
                new ApiClient().get("api/v1/admin/channels/" + channel, KeycloakServer.adminAuthorization()));
        String source = settings.getString("source");
        String ladder = settings.getString("ladder", null);
        ReplycastCapture capture = new ReplycastCapture(options.path("data-dir"), new ApiClient(), channel);
        Progress.say("Waiting until channel %s is captured live into %s", channel, capture.folder());
        capture.awaitLive(LIVE_TIMEOUT);
        Path baselineFolder = temporaryFolder().resolve("baseline");
        List<String> replycastCommand = ReplycastCapture.arguments(capture.ffmpegPid());
        // The baseline runs Replycast's own arguments, read from /proc, with only the folder changed.
        List<String> baselineCommand = replycastCommand.stream()
                .map(a -> a.replace(capture.folder().toString(), baselineFolder.toString()))
                .toList();
        List<String> differences =
                ReferenceEncoder.differences(source, ladder, replycastCommand, capture.folder(), baselineFolder);
        int rounds = options.integer("rounds");
        try {
            for (int round = 1; round <= rounds; round++) {
                String of = "Round " + round + "/" + rounds;
                if (round % 2 == 1) {
                    measureReplycast(of, capture, serverPid);
                    measureBaseline(of, capture, baselineCommand, baselineFolder);
                } else {
                    measureBaseline(of, capture, baselineCommand, baselineFolder);
                    measureReplycast(of, capture, serverPid);
                }
                double ratio = results.last(replycastCores()) / results.last(baselineCores());
                results.record(new Metric("Replycast's ffmpeg ÷ plain ffmpeg", "ratio", 3), ratio);
                Progress.say("%s: ratio %.3f", of, ratio);
            }
        } finally {
            capture.releaseQuietly();
        }
        return report(baselineCommand, differences);
    }

    private void measureReplycast(String of, ReplycastCapture capture, long serverPid) {
        capture.awaitLive(LIVE_TIMEOUT);
        Progress.say(
                "%s: Replycast's capture, %d s to settle, then %d s measured",
                of, options.integer("settle-seconds"), options.integer("seconds"));
        Pause.of(options.seconds("settle-seconds"));
        long ffmpeg = capture.ffmpegPid();
        Map<Long, JvmThreads.Thread> threadsBefore = JvmThreads.snapshot(serverPid);
        long sequenceBefore = lastSequence(capture.folder());
        double ffmpegBefore = CpuUsage.processSeconds(ffmpeg);
        CpuUsage.Snapshot before = CpuUsage.Snapshot.take(serverPid);
        Pause.of(options.seconds("seconds"));
        CpuUsage usage = CpuUsage.between(before, CpuUsage.Snapshot.take(serverPid));
        double ffmpegSeconds = CpuUsage.processSeconds(ffmpeg) - ffmpegBefore;
        long segments = lastSequence(capture.folder()) - sequenceBefore;
        Map<Long, JvmThreads.Thread> threadsAfter = JvmThreads.snapshot(serverPid);
        if (capture.ffmpegPid() != ffmpeg) {
            throw new IllegalStateException("Replycast's ffmpeg was restarted while it was measured; run again");
        }
        double seconds = options.integer("seconds");
        results.record(replycastCores(), ffmpegSeconds / seconds);
        results.record(new Metric("Replycast's ffmpeg: segments written (rendition 0)", "", 0), segments);
        results.record(new Metric("WildFly meanwhile (no viewers)", "cores", 3), usage.server());
        results.record(
                new Metric("… of it in supervision threads", "cores", 4),
                supervision(threadsBefore, threadsAfter) / seconds);
        results.record(
                new Metric("other processes meanwhile", "cores", 2),
                Math.max(0, usage.others() - ffmpegSeconds / seconds));
        Progress.say(
                "%s: Replycast's ffmpeg %.3f cores, WildFly %.3f cores", of, ffmpegSeconds / seconds, usage.server());
    }

    private void measureBaseline(String of, ReplycastCapture capture, List<String> command, Path folder) {
        Progress.say(
                "%s: switching Replycast's capture off; plain ffmpeg, %d s to settle, then %d s measured",
                of, options.integer("settle-seconds"), options.integer("seconds"));
        capture.hold(LIVE_TIMEOUT);
        try (ReferenceEncoder encoder = ReferenceEncoder.start(command, folder)) {
            encoder.awaitSegments(1, LIVE_TIMEOUT);
            Pause.of(options.seconds("settle-seconds"));
            long sequenceBefore = lastSequence(folder);
            double ffmpegBefore = CpuUsage.processSeconds(encoder.pid());
            CpuUsage.Snapshot before = CpuUsage.Snapshot.take();
            Pause.of(options.seconds("seconds"));
            CpuUsage usage = CpuUsage.between(before, CpuUsage.Snapshot.take());
            double ffmpegSeconds = CpuUsage.processSeconds(encoder.pid()) - ffmpegBefore;
            double seconds = options.integer("seconds");
            results.record(baselineCores(), ffmpegSeconds / seconds);
            results.record(
                    new Metric("plain ffmpeg: segments written (rendition 0)", "", 0),
                    lastSequence(folder) - sequenceBefore);
            results.record(
                    new Metric("other processes meanwhile (baseline)", "cores", 2),
                    Math.max(0, usage.others() - ffmpegSeconds / seconds));
            Progress.say("%s: plain ffmpeg %.3f cores", of, ffmpegSeconds / seconds);
        } finally {
            Progress.say("%s: switching Replycast's capture on again", of);
            capture.release(LIVE_TIMEOUT);
        }
    }

    /** CPU seconds of the supervision's threads between two snapshots; notes the busiest threads by the way. */
    private double supervision(Map<Long, JvmThreads.Thread> before, Map<Long, JvmThreads.Thread> after) {
        double total = 0;
        List<Map.Entry<Long, JvmThreads.Thread>> busy = new ArrayList<>();
        for (Map.Entry<Long, JvmThreads.Thread> thread : after.entrySet()) {
            JvmThreads.Thread earlier = before.get(thread.getKey());
            long ticks = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            String text = thread.getValue().name() + "\n" + thread.getValue().stack()
                    + (earlier == null ? "" : earlier.stack());
            if (SUPERVISION.matcher(text).find()) {
                total += ticks / 100.0;
            }
            if (ticks > 0) {
                busy.add(Map.entry(ticks, thread.getValue()));
            }
        }
        busy.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
        busy.stream().limit(5).forEach(entry -> busiestThreads
                .computeIfAbsent(entry.getValue().name(), n -> new ArrayList<>())
                .add(entry.getKey() / 100.0));
        return total;
    }

    private static long lastSequence(Path folder) {
        try {
            return LivePlaylist.parse(Files.readString(folder.resolve("0/index.m3u8")))
                    .lastSequence();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Metric replycastCores() {
        return new Metric("Replycast's capture ffmpeg", "cores", 3);
    }

    private static Metric baselineCores() {
        return new Metric("plain ffmpeg, same arguments (baseline)", "cores", 3);
    }

    private String report(List<String> baselineCommand, List<String> differences) {
        double ratio = results.median(new Metric("Replycast's ffmpeg ÷ plain ffmpeg", "ratio", 3));
        StringBuilder threads = new StringBuilder(
                "| WildFly thread | CPU seconds in each Replycast window where it was among the 5 busiest |\n|---|---|\n");
        busiestThreads.forEach((name, seconds) -> threads.append("| `")
                .append(name)
                .append("` | ")
                .append(String.join(
                        " · ",
                        seconds.stream().map(s -> RoundResults.format(s, 2)).toList()))
                .append(" |\n"));
        return String.format(
                Locale.ROOT,
                """
                ### CPU of the live transcode (median of %d rounds; %d s measured after %d s of settling)

                CPU time (utime + stime from /proc) of Replycast's capture ffmpeg, then of a plain ffmpeg with the same
                arguments into a temporary folder while the channel's capture was switched off (captureEnabled): one encode
                at a time, each over the same time. Rounds alternate which goes first.

                %s
                Baseline command: `%s`

                %s
                WildFly's busiest threads while Replycast's capture was measured (no viewers):

                %s
                ### Goal

                - Replycast's capture ffmpeg at most %.2f × the plain ffmpeg: %.3f, **%s**
                """,
                options.integer("rounds"),
                options.integer("seconds"),
                options.integer("settle-seconds"),
                results.table(),
                String.join(" ", baselineCommand),
                differences.isEmpty()
                        ? "Replycast's command is the media worker's `HlsCommand.build` for the channel's source and"
                                + " ladder, exactly (apart from the folder)."
                        : "Replycast's command differs from the media worker's `HlsCommand.build` for the channel:\n\n- "
                                + String.join("\n- ", differences) + "\n",
                threads,
                GOAL_RATIO,
                ratio,
                ratio <= GOAL_RATIO ? "met" : "not met");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("bench-transcode-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

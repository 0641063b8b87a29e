package org.replycast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import org.replycast.bench.RoundResults.Metric;
import org.replycast.testing.ApiClient;

/**
 * The reply benchmark (run by {@code bench/reply-uploads.sh}): many terminals each send a reply over the
 * WebSocket gateway in real time at once; measured are the time from each end signal to {@code stored}, the
 * bytes per second taken, replies lost, and WildFly's heap, against the same uploads to a plain loopback
 * server that writes them to the same disk ({@link LoopbackDisk}) in the same round. The time from the crowd's
 * start signals to {@code started} is reported too, without a baseline: the loopback has no start to make
 * durable.
 */
public final class ReplyUploadBenchmark {

    private static final String USAGE =
            """
            Usage: ReplyUploadBenchmark [options]   (normally through bench/reply-uploads.sh)

              --http-port N         Replycast's HTTP port (default 8080)
              --keycloak-port N     the development Keycloak's port, for the admin token (default 8180)
              --server-pid N        WildFly's process id, for its heap and CPU (default 0: left out)
              --data-dir PATH       Replycast's data directory; the baseline writes there too (default ./data)
              --channel ID          the channel the replies are sent on (default demo)
              --terminals N         terminals sending at once, each on its own connected call (default 200)
              --seconds N           length of each reply, sent in real time (default 30)
              --kbits N             bit rate of the reply in kbit/s (default 1000)
              --segment-ms N        how often a segment is sent, as a recorder's timeslice (default 1000)
              --rounds N            rounds; medians are over these (default 3)
              --goal-p99-ms N       the p99 from end signal to stored that the goal allows (default 1000)
            """;

    private static final Metric START_TO_STARTED_P50 =
            new Metric("Replycast: start signal → started, all at once, p50", "ms", 0);
    private static final Metric START_TO_STARTED_P99 =
            new Metric("Replycast: start signal → started, all at once, p99", "ms", 0);
    private static final Metric END_TO_STORED_P50 = new Metric("Replycast: end signal → stored, p50", "ms", 0);
    private static final Metric END_TO_STORED_P99 = new Metric("Replycast: end signal → stored, p99", "ms", 0);
    private static final Metric END_TO_STORED_MAX = new Metric("Replycast: end signal → stored, max", "ms", 0);
    private static final Metric REPLYCAST_RATE = new Metric("Replycast: bytes taken per second", "MB/s", 2);
    private static final Metric LOST = new Metric("Replycast: replies not stored or not intact", "replies", 0);
    private static final Metric BASELINE_P50 = new Metric("loopback to disk: end → durable, p50", "ms", 1);
    private static final Metric BASELINE_P99 = new Metric("loopback to disk: end → durable, p99", "ms", 1);
    private static final Metric BASELINE_RATE = new Metric("loopback to disk: bytes taken per second", "MB/s", 2);
    private static final Metric LATE_SENDERS = new Metric("senders more than 100 ms behind their pace", "senders", 0);
    private static final Metric HEAP_PEAK = new Metric("WildFly heap in use, peak during the round", "MiB", 0);
    private static final Metric HEAP_LIVE = new Metric("WildFly live heap after the round (full GC)", "MiB", 0);

    private static final long LATE_NANOS = Duration.ofMillis(100).toNanos();

    private final BenchArguments options;
    private final RoundResults results = new RoundResults();
    private final List<String> failures = new ArrayList<>();

    private ReplyUploadBenchmark(BenchArguments options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> defaults = BenchArguments.liveServerDefaults();
        defaults.put("terminals", "200");
        defaults.put("seconds", "30");
        defaults.put("kbits", "1000");
        defaults.put("segment-ms", "1000");
        defaults.put("rounds", "3");
        defaults.put("goal-p99-ms", "1000");
        BenchArguments options = BenchArguments.parse(args, USAGE, defaults);
        options.runAndExit(chosen -> new ReplyUploadBenchmark(chosen).run());
    }

    private String run() {
        Duration interval = Duration.ofMillis(options.number("segment-ms"));
        int terminals = options.integer("terminals");
        long pid = options.number("server-pid");
        Recording recording;
        try {
            recording = Recording.of(
                    Path.of("it/target/bench-media"), options.seconds("seconds"), options.integer("kbits"), interval);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiClient api = new ApiClient();
        String channel = options.text("channel");
        long liveBefore = pid > 0 ? ServerHeap.liveAfterCollection(pid) : 0;
        Progress.say("Opening %d connected calls on %s, one terminal each", terminals, channel);
        try (ConnectedCalls calls = ConnectedCalls.open(api, channel, terminals)) {
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(4))
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            for (int round = 1; round <= options.integer("rounds"); round++) {
                Progress.say(
                        "Round %d: %d replies of %d bytes to Replycast's gateway, in real time (%d s)",
                        round, terminals, recording.length(), options.number("seconds"));
                measureReplycast(http, calls, recording, interval, pid);
                Progress.say("Round %d: the same to the loopback disk", round);
                measureBaseline(recording, interval, terminals);
            }
            return report(recording, interval, liveBefore, pid);
        }
    }

    private void measureReplycast(
            HttpClient http, ConnectedCalls calls, Recording recording, Duration interval, long pid) {
        List<java.net.URI> gateways = calls.uplinkUris();
        List<PacedUploads.Result> uploads;
        long started = System.nanoTime();
        try (ServerHeap heap = pid > 0 ? ServerHeap.sample(pid) : null) {
            uploads = PacedUploads.run(
                    gateways.size(), recording, interval, i -> new GatewayUpload(http, gateways.get(i)));
            if (heap != null) {
                results.record(HEAP_PEAK, heap.peakBytes() / 1048576.0);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<PacedUploads.Result> stored =
                uploads.stream().filter(PacedUploads.Result::succeeded).toList();
        long[] starts = sorted(stored, PacedUploads.Result::startToStartedNanos);
        results.record(START_TO_STARTED_P50, Percentiles.of(starts, 0.50) / 1e6);
        results.record(START_TO_STARTED_P99, Percentiles.of(starts, 0.99) / 1e6);
        long[] latencies = sorted(stored, PacedUploads.Result::endToDurableNanos);
        results.record(END_TO_STORED_P50, Percentiles.of(latencies, 0.50) / 1e6);
        results.record(END_TO_STORED_P99, Percentiles.of(latencies, 0.99) / 1e6);
        results.record(END_TO_STORED_MAX, Percentiles.of(latencies, 1.0) / 1e6);
        results.record(REPLYCAST_RATE, stored.size() * recording.length() / seconds / 1e6);
        results.record(LOST, uploads.size() - stored.size());
        results.record(
                LATE_SENDERS,
                uploads.stream()
                        .filter(u -> u.worstLatenessNanos() > LATE_NANOS)
                        .count());
        uploads.stream()
                .filter(upload -> !upload.succeeded())
                .limit(3)
                .forEach(upload -> failures.add(upload.failure()));
        if (pid > 0) {
            results.record(HEAP_LIVE, ServerHeap.liveAfterCollection(pid) / 1048576.0);
        }
    }

    private void measureBaseline(Recording recording, Duration interval, int terminals) {
        long started = System.nanoTime();
        try (LoopbackDisk disk = LoopbackDisk.start(options.path("data-dir").resolve("bench-loopback"))) {
            List<PacedUploads.Result> uploads =
                    PacedUploads.run(terminals, recording, interval, i -> new LoopbackUpload(disk.port()));
            double seconds = (System.nanoTime() - started) / 1e9;
            List<PacedUploads.Result> durable =
                    uploads.stream().filter(PacedUploads.Result::succeeded).toList();
            if (durable.size() < uploads.size()) {
                throw new IllegalStateException(
                        "the loopback baseline lost uploads: " + uploads.get(0).failure());
            }
            long[] latencies = sorted(durable, PacedUploads.Result::endToDurableNanos);
            results.record(BASELINE_P50, Percentiles.of(latencies, 0.50) / 1e6);
            results.record(BASELINE_P99, Percentiles.of(latencies, 0.99) / 1e6);
            results.record(BASELINE_RATE, durable.size() * recording.length() / seconds / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] sorted(List<PacedUploads.Result> uploads, ToLongFunction<PacedUploads.Result> nanos) {
        long[] latencies = uploads.stream().mapToLong(nanos).toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    private String report(Recording recording, Duration interval, long liveBefore, long pid) {
        double p99 = results.median(END_TO_STORED_P99);
        double goal = options.number("goal-p99-ms");
        boolean nothingLost = results.median(LOST) == 0 && failures.isEmpty();
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%d terminals at once, each sending a %d s reply (%d bytes, %.0f kbit/s) in %d ms segments;"
                        + " %d rounds.%n%n",
                options.integer("terminals"),
                options.number("seconds"),
                recording.length(),
                recording.kilobitsPerSecond(interval),
                interval.toMillis(),
                options.integer("rounds")));
        report.append(results.table()).append('\n');
        if (pid > 0) {
            report.append(String.format(
                    Locale.ROOT,
                    "WildFly's live heap after a full GC before the first round: %.0f MiB.%n%n",
                    liveBefore / 1048576.0));
        }
        report.append(String.format(
                Locale.ROOT,
                "- Goal p99 ≤ %.0f ms: %s (median p99 %.0f ms; the loopback baseline's %.1f ms).%n",
                goal,
                p99 <= goal ? "**met**" : "**not met**",
                p99,
                results.median(BASELINE_P99)));
        report.append("- Nothing lost: ")
                .append(nothingLost ? "**met**" : "**not met**")
                .append('\n');
        failures.forEach(failure -> report.append("  - ").append(failure).append('\n'));
        return report.toString();
    }
}

package org.replycast.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.replycast.bench.RoundResults.Metric;
import org.replycast.testing.ApiClient;

/**
 * The live viewers benchmark (run by {@code bench/live-viewers.sh}): how many HLS viewers, simulated in real
 * time by {@link LiveViewers}, Replycast's {@code /live/<token>/…} serves with a p99 segment fetch time of at
 * most 200 ms and no viewer falling behind, against nginx serving the same segment folder
 * ({@code <data dir>/live/<channelId>/}) in the same run. The number of viewers goes up in steps; at each step
 * the two servers take turns for several rounds, and a server that misses at a step is not asked for more.
 */
public final class LiveViewersBenchmark {

    private static final String USAGE =
            """
            Usage: LiveViewersBenchmark [options]   (normally through bench/live-viewers.sh)

              --http-port N         Replycast's HTTP port (default 8080)
              --keycloak-port N     the development Keycloak's port, for the admin token (default 8180)
              --server-pid N        WildFly's process id, for the CPU split (default 0: left out)
              --data-dir PATH       Replycast's data directory, REPLYCAST_DATA_DIR (default ./data)
              --channel ID          the captured channel to watch (default demo)
              --calls N             connected calls whose tokens the viewers share in turn (default 200)
              --steps LIST          numbers of viewers, comma-separated (default 250,500,1000,2000,3000,4000)
              --rounds N            rounds per step and server; medians are over these (default 3)
              --ramp-seconds N      viewers join evenly over this time (default 5)
              --settle-seconds N    after the ramp, before measuring (default 3)
              --seconds N           measuring time per round (default 10)
              --rendition WxH       the rendition every viewer watches (default 640x360)
              --goal-p99-ms N       the p99 segment fetch time a step must keep (default 200)
              --nginx PATH          the nginx binary (default /usr/sbin/nginx)
              --servers LIST        which to measure: replycast, nginx or both (default replycast,nginx)
              --loops N             the load generator's event loops, one thread each (default 2)
              --warmup-seconds N    before the steps, the first step's viewers on each server, not measured,
                                    so that the JIT has compiled both paths (default 20)
            """;

    private enum Server {
        REPLYCAST("Replycast /live/"),
        NGINX("nginx, same folder");

        final String label;

        Server(String label) {
            this.label = label;
        }
    }

    private final BenchArguments options;
    private final RoundResults results = new RoundResults();
    private final Map<Server, Integer> largestPassed = new EnumMap<>(Server.class);
    private final Map<Server, Integer> failedAt = new EnumMap<>(Server.class);
    private final List<String> firstErrors = new ArrayList<>();

    private LiveViewersBenchmark(BenchArguments options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> defaults = BenchArguments.liveServerDefaults();
        defaults.put("calls", "200");
        defaults.put("steps", "250,500,1000,2000,3000,4000");
        defaults.put("rounds", "3");
        defaults.put("ramp-seconds", "5");
        defaults.put("settle-seconds", "3");
        defaults.put("seconds", "10");
        defaults.put("rendition", "640x360");
        defaults.put("goal-p99-ms", "200");
        defaults.put("nginx", "/usr/sbin/nginx");
        defaults.put("servers", "replycast,nginx");
        defaults.put("loops", "2");
        defaults.put("warmup-seconds", "20");
        BenchArguments options = BenchArguments.parse(args, USAGE, defaults);
        options.runAndExit(chosen -> new LiveViewersBenchmark(chosen).run());
    }

    private String run() {
        ApiClient api = new ApiClient();
        String channel = options.text("channel");
        ReplycastCapture capture = new ReplycastCapture(options.path("data-dir"), api, channel);
        Progress.say("Waiting until channel %s is captured live into %s", channel, capture.folder());
        capture.awaitLive(java.time.Duration.ofSeconds(90));
        int callCount = options.integer("calls");
        Progress.say(
                "Opening %d connected calls on %s (one terminal each; their tokens are shared by the viewers in turn)",
                callCount, channel);
        try (ConnectedCalls calls = ConnectedCalls.open(api, channel, callCount);
                NginxOrigin nginx = NginxOrigin.start(options.path("nginx"), null, Map.of("live", capture.folder()))) {
            LiveViewers viewers = new LiveViewers(options.integer("loops"));
            Map<Server, List<URI>> masters = new EnumMap<>(Server.class);
            masters.put(Server.REPLYCAST, calls.playbackUris());
            masters.put(
                    Server.NGINX,
                    calls.playbackUris().stream()
                            .map(uri -> nginx.uri().resolve(uri.getPath().substring(1)))
                            .toList());
            Progress.say("nginx serves %s at %slive/<token>/", capture.folder(), nginx.uri());
            for (Server server : Server.values()) {
                if (!options.text("servers")
                        .toLowerCase(Locale.ROOT)
                        .contains(server.name().toLowerCase(Locale.ROOT))) {
                    failedAt.put(server, 0); // not measured
                }
            }
            warmUp(viewers, masters, capture, nginx);
            for (int count : options.integers("steps")) {
                if (failedAt.size() == Server.values().length) {
                    break;
                }
                for (int round = 1; round <= options.integer("rounds"); round++) {
                    List<Server> order = round % 2 == 1
                            ? List.of(Server.REPLYCAST, Server.NGINX)
                            : List.of(Server.NGINX, Server.REPLYCAST);
                    for (Server server : order) {
                        if (!failedAt.containsKey(server)) {
                            measure(viewers, server, masters.get(server), count, round, capture, nginx);
                        }
                    }
                }
                judge(count);
            }
            return report();
        }
    }

    private void warmUp(
            LiveViewers viewers, Map<Server, List<URI>> masters, ReplycastCapture capture, NginxOrigin nginx) {
        if (options.number("warmup-seconds") == 0) {
            return;
        }
        int count = options.integers("steps").get(0);
        for (Server server : Server.values()) {
            if (failedAt.containsKey(server)) {
                continue;
            }
            Progress.say(
                    "Warming up: %d viewers on %s for %d s, not measured",
                    count, server.label, options.number("warmup-seconds"));
            viewers.run(
                    masters.get(server),
                    options.text("rendition"),
                    count,
                    options.seconds("ramp-seconds"),
                    java.time.Duration.ZERO,
                    options.seconds("warmup-seconds"),
                    new long[0],
                    capture.ffmpegPid());
        }
    }

    private void measure(
            LiveViewers viewers,
            Server server,
            List<URI> masters,
            int count,
            int round,
            ReplycastCapture capture,
            NginxOrigin nginx) {
        Progress.say(
                "%d viewers, round %d/%d, %s: joining over %d s, measuring %d s",
                count,
                round,
                options.integer("rounds"),
                server.label,
                options.integer("ramp-seconds"),
                options.integer("seconds"));
        long[] servingPids = server == Server.REPLYCAST ? new long[] {options.number("server-pid")} : nginx.pids();
        LiveViewers.Result result = viewers.run(
                masters,
                options.text("rendition"),
                count,
                options.seconds("ramp-seconds"),
                options.seconds("settle-seconds"),
                options.seconds("seconds"),
                servingPids,
                capture.ffmpegPid());
        String at = server.label + ", " + count + " viewers";
        results.record(metric(at, "segment p50"), result.segmentMillis(0.5));
        results.record(metric(at, "segment p99"), result.segmentMillis(0.99));
        results.record(metric(at, "segment max"), result.maxSegmentMillis());
        results.record(metric(at, "playlist p99"), result.playlistMillis(0.99));
        results.record(count(at, "viewers behind"), result.behind());
        results.record(count(at, "segments missed"), result.missedSegments());
        results.record(count(at, "errors"), result.errors());
        results.record(count(at, "segments per second"), result.segmentNanos().length / result.seconds());
        results.record(new Metric(at + ": MB/s", "MB/s", 0), result.bytes() / 1e6 / result.seconds());
        results.record(cores(at, "server"), result.cpu().server());
        results.record(cores(at, "ffmpeg"), result.ffmpegCores());
        results.record(cores(at, "load generator"), result.cpu().loadGenerator());
        results.record(cores(at, "others"), Math.max(0, result.cpu().others() - result.ffmpegCores()));
        results.record(cores(at, "steal"), result.cpu().steal());
        results.record(new Metric(at + ": server CPU per request", "µs", 0), result.serverMicrosPerRequest());
        if (result.firstError() != null && firstErrors.size() < 10) {
            firstErrors.add(at + ", round " + round + ": " + result.firstError());
        }
        Progress.say(
                "  segment p50 %.1f ms, p99 %.1f ms; %d behind, %d errors; server %.2f, ffmpeg %.2f, load generator %.2f cores",
                result.segmentMillis(0.5),
                result.segmentMillis(0.99),
                result.behind(),
                result.errors(),
                result.cpu().server(),
                result.ffmpegCores(),
                result.cpu().loadGenerator());
    }

    /** A step passes for a server when, in the median round, p99 keeps the goal and nobody is behind or failed. */
    private void judge(int count) {
        for (Server server : Server.values()) {
            if (failedAt.containsKey(server)) {
                continue;
            }
            String at = server.label + ", " + count + " viewers";
            boolean passed = results.median(metric(at, "segment p99")) <= options.integer("goal-p99-ms")
                    && results.median(count(at, "viewers behind")) == 0
                    && results.median(count(at, "errors")) == 0;
            if (passed) {
                largestPassed.put(server, count);
            } else {
                failedAt.put(server, count);
            }
            Progress.say("%d viewers: %s %s", count, server.label, passed ? "keeps the goal" : "misses the goal");
        }
    }

    private String report() {
        StringBuilder table = new StringBuilder(
                "| viewers | server | segment p50 ms | segment p99 ms | segment max ms | playlist p99 ms | behind | missed | errors"
                        + " | segments/s | MB/s | server cores | ffmpeg cores | load generator cores | others cores"
                        + " | server µs/request |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int count : options.integers("steps")) {
            for (Server server : Server.values()) {
                String at = server.label + ", " + count + " viewers";
                if (Double.isNaN(results.median(metric(at, "segment p99")))) {
                    continue;
                }
                table.append("| ").append(count).append(" | ").append(server.label);
                for (Metric metric : List.of(
                        metric(at, "segment p50"),
                        metric(at, "segment p99"),
                        metric(at, "segment max"),
                        metric(at, "playlist p99"),
                        count(at, "viewers behind"),
                        count(at, "segments missed"),
                        count(at, "errors"),
                        count(at, "segments per second"),
                        new Metric(at + ": MB/s", "MB/s", 0),
                        cores(at, "server"),
                        cores(at, "ffmpeg"),
                        cores(at, "load generator"),
                        cores(at, "others"),
                        new Metric(at + ": server CPU per request", "µs", 0))) {
                    table.append(" | ").append(results.summary(metric));
                }
                table.append(" |\n");
            }
        }
        int replycast = largestPassed.getOrDefault(Server.REPLYCAST, 0);
        int nginx = largestPassed.getOrDefault(Server.NGINX, 0);
        double ratio = nginx == 0 ? Double.NaN : (double) replycast / nginx;
        return String.format(
                Locale.ROOT,
                """
                ### Viewers (median of %d rounds per step, with the range; %s rendition, %d tokens)

                Each viewer reloads its media playlist once a second and fetches every new segment, starting three
                segments behind the live edge. Segment time is from sending the request to the last byte. A viewer is
                *behind* when a segment left the playlist before it was fetched, more than three waited unfetched, or its
                backlog grew by two segments while measured.
                The load generator runs on the same 2 cores as the server and the live encode (its CPU is in the table).

                %s
                Largest step that keeps p99 ≤ %d ms with no viewer behind and no error:
                Replycast **%s**, nginx **%s**%s; Replycast ÷ nginx **%s**.
                %s
                ### Goals

                - at least 2,000 viewers on Replycast: **%s**
                - at least 0.8 × nginx's result: **%s**
                """,
                options.integer("rounds"),
                options.text("rendition"),
                options.integer("calls"),
                table,
                options.integer("goal-p99-ms"),
                describe(Server.REPLYCAST),
                describe(Server.NGINX),
                failures().isEmpty() ? "" : " (" + failures() + ")",
                Double.isNaN(ratio) ? "–" : RoundResults.format(ratio, 2),
                firstErrors.isEmpty() ? "" : "\nFirst errors:\n\n- " + String.join("\n- ", firstErrors) + "\n",
                replycast >= 2000 ? "met" : "not met",
                !Double.isNaN(ratio) && ratio >= 0.8 ? "met" : "not met");
    }

    private String describe(Server server) {
        if (Integer.valueOf(0).equals(failedAt.get(server))) {
            return "not measured";
        }
        Integer passed = largestPassed.get(server);
        String value = passed == null ? "none" : RoundResults.format(passed, 0);
        return failedAt.containsKey(server) ? value : value + " (never missed: the steps ended first)";
    }

    private String failures() {
        List<String> parts = new ArrayList<>();
        failedAt.forEach((server, count) -> {
            if (count > 0) {
                parts.add(server.label + " missed at " + count);
            }
        });
        return String.join(", ", parts);
    }

    private static Metric metric(String at, String what) {
        return new Metric(at + ": " + what, "ms", 1);
    }

    private static Metric count(String at, String what) {
        return new Metric(at + ": " + what, "", 0);
    }

    private static Metric cores(String at, String what) {
        return new Metric(at + ": " + what + " CPU", "cores", 2);
    }
}

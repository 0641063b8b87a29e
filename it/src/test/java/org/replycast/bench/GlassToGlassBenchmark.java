package org.replycast.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.replycast.bench.RoundResults.Metric;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.KeycloakServer;

/**
 * The glass-to-glass latency benchmark (run by {@code bench/glass-to-glass.sh}): how far behind the wall clock
 * hls.js in headless Chromium shows the live picture, {@code Date.now() - hls.playingDate}, sampled once a
 * second after playback settles. Three sides, played one after the other by the same page with the same hls.js
 * configuration, in every round: a connected call's {@code playbackUrl} on Replycast; Replycast's own segment
 * folder served by nginx (the same encode, another server); and the baseline, the same ffmpeg command run by
 * hand into a folder of its own and served by nginx, while Replycast's capture is switched off so that only one encode
 * runs at a time.
 */
public final class GlassToGlassBenchmark {

    private static final String USAGE =
            """
            Usage: GlassToGlassBenchmark [options]   (normally through bench/glass-to-glass.sh)

              --http-port N         Replycast's HTTP port (default 8080)
              --keycloak-port N     the development Keycloak's port, for the admin token (default 8180)
              --server-pid N        WildFly's process id, for the CPU split (default 0: left out)
              --data-dir PATH       Replycast's data directory, REPLYCAST_DATA_DIR (default ./data)
              --channel ID          the captured channel to watch (default demo)
              --rounds N            rounds; medians are over these (default 3)
              --sessions N          playback sessions per side and round, each loading the page anew (default 3)
              --settle-seconds N    playing time of a session before sampling starts (default 6)
              --sample-seconds N    samples, one a second, per session (default 5)
              --player PATH         the folder of latency.html with hls.js installed (default bench/player)
              --nginx PATH          the nginx binary (default /usr/sbin/nginx)
              --sides LIST          which to play: replycast, files (Replycast's folder on nginx), baseline
                                    (default replycast,files,baseline)
            """;

    private static final double GOAL_P50_SECONDS = 4.0;
    private static final double GOAL_DIFFERENCE_SECONDS = 0.3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(90);

    private enum Side {
        REPLYCAST("Replycast (playbackUrl of a connected call)"),
        REPLYCAST_FILES("Replycast's segments served by nginx (same encode)"),
        BASELINE("baseline: plain ffmpeg, same command, served by nginx");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    private final BenchArguments options;
    private final RoundResults results = new RoundResults();
    private final RoundResults cpu = new RoundResults();
    private final Map<Side, List<String>> renditions = new LinkedHashMap<>();

    private GlassToGlassBenchmark(BenchArguments options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchArguments options = BenchArguments.parse(
                args,
                USAGE,
                "http-port",
                "8080",
                "keycloak-port",
                "8180",
                "server-pid",
                "0",
                "data-dir",
                "data",
                "channel",
                "demo",
                "rounds",
                "3",
                "sessions",
                "3",
                "settle-seconds",
                "6",
                "sample-seconds",
                "5",
                "player",
                "bench/player",
                "nginx",
                "/usr/sbin/nginx",
                "sides",
                "replycast,files,baseline");
        options.runAndExit(chosen -> new GlassToGlassBenchmark(chosen).run());
    }

    private String run() {
        if (!Files.exists(options.path("player").resolve("node_modules/hls.js/dist/hls.min.js"))) {
            throw new IllegalStateException("hls.js is not installed in " + options.path("player")
                    + "; run: npm ci --prefix " + options.path("player"));
        }
        ApiClient api = new ApiClient();
        String channel = options.text("channel");
        jakarta.json.JsonObject settings =
                ApiClient.object(api.get("api/v1/admin/channels/" + channel, KeycloakServer.adminAuthorization()));
        String source = settings.getString("source");
        String ladder = settings.getString("ladder", null);
        ReplycastCapture capture = new ReplycastCapture(options.path("data-dir"), api, channel);
        Progress.say("Waiting until channel %s is captured live into %s", channel, capture.folder());
        capture.awaitLive(LIVE_TIMEOUT);
        Path work = temporaryFolder();
        Path baselineFolder = work.resolve("baseline");
        List<String> command = ReferenceEncoder.command(source, ladder, baselineFolder, false);
        List<String> differences = ReferenceEncoder.differences(
                source, ladder, ReplycastCapture.arguments(capture.ffmpegPid()), capture.folder(), baselineFolder);
        Progress.say("Opening a connected call on %s", channel);
        try (ConnectedCalls calls = ConnectedCalls.open(api, channel, 1);
                NginxOrigin nginx = NginxOrigin.start(
                        options.path("nginx"),
                        options.path("player"),
                        Map.of("baseline", baselineFolder, "replycast-files", capture.folder()));
                Browser browser = new Browser()) {
            URI replycast = calls.playbackUris().get(0);
            Map<Side, URI> sources = Map.of(
                    Side.REPLYCAST, replycast,
                    Side.REPLYCAST_FILES, nginx.uri().resolve("replycast-files/t/index.m3u8"),
                    Side.BASELINE, nginx.uri().resolve("baseline/t/index.m3u8"));
            Progress.say("Player page %slatency.html, Replycast at %s", nginx.uri(), replycast);
            int rounds = options.integer("rounds");
            for (int round = 1; round <= rounds; round++) {
                // Alternate which encode goes first, so that neither always follows the other's restart.
                List<Side> order = round % 2 == 1
                        ? List.of(Side.REPLYCAST, Side.REPLYCAST_FILES, Side.BASELINE)
                        : List.of(Side.BASELINE, Side.REPLYCAST, Side.REPLYCAST_FILES);
                for (Side side : order) {
                    if (!wanted(side)) {
                        continue;
                    }
                    String of = "Round " + round + "/" + rounds + ", " + side.label;
                    if (side == Side.BASELINE) {
                        playBaseline(of, browser, nginx, sources.get(side), capture, command, baselineFolder);
                    } else {
                        play(of, side, browser, nginx.uri(), sources.get(side), servingPids(side, nginx));
                    }
                }
                recordDifference(round);
            }
            return report(source, command, differences);
        }
    }

    private void playBaseline(
            String of,
            Browser browser,
            NginxOrigin nginx,
            URI source,
            ReplycastCapture capture,
            List<String> command,
            Path folder) {
        Progress.say("%s: switching Replycast's capture off, starting the baseline ffmpeg", of);
        capture.hold(LIVE_TIMEOUT);
        try (ReferenceEncoder encoder = ReferenceEncoder.start(command, folder)) {
            encoder.awaitSegments(4, START_TIMEOUT);
            play(of, Side.BASELINE, browser, nginx.uri(), source, nginx.pids());
        } finally {
            browser.driver().get("about:blank");
            Progress.say("%s: baseline stopped; switching Replycast's capture on and waiting until it is live", of);
            try {
                capture.release(LIVE_TIMEOUT);
            } catch (RuntimeException e) {
                capture.releaseQuietly();
                throw e;
            }
        }
    }

    private void play(String of, Side side, Browser browser, URI page, URI source, long... servingPids) {
        List<Double> latencies = new ArrayList<>();
        int notPlaying = 0;
        String rendition = null;
        CpuUsage.Snapshot before = CpuUsage.Snapshot.take(servingPids);
        // A session's latency is set when it joins (three segments behind the edge, plus however far into the
        // newest segment the capture was), and stays while it plays: so several sessions, each sampled briefly.
        int sessions = options.integer("sessions");
        for (int session = 1; session <= sessions; session++) {
            Progress.say("%s: session %d/%d playing %s", of, session, sessions, source);
            browser.driver()
                    .get(page.resolve("latency.html") + "?src="
                            + URLEncoder.encode(source.toString(), StandardCharsets.UTF_8));
            JavascriptExecutor player = (JavascriptExecutor) browser.driver();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!Boolean.TRUE.equals(sample(player).get("playing"))) {
                Object errors = sample(player).get("errors");
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("hls.js did not start playing " + source + " within "
                            + START_TIMEOUT.toSeconds() + " s; its fatal errors: " + errors);
                }
                Pause.of(Duration.ofMillis(250));
            }
            Pause.of(options.seconds("settle-seconds"));
            long next = System.nanoTime();
            for (int i = 0; i < options.integer("sample-seconds"); i++) {
                next += 1_000_000_000L;
                Map<String, Object> now = sample(player);
                if (Boolean.TRUE.equals(now.get("playing")) && now.get("latencyMs") instanceof Number ms) {
                    latencies.add(ms.doubleValue() / 1000);
                    rendition = (String) now.get("rendition");
                } else {
                    notPlaying++;
                }
                Pause.of(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            }
        }
        CpuUsage usage = CpuUsage.between(before, CpuUsage.Snapshot.take(servingPids));
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no latency could be read while playing " + source);
        }
        double[] sorted = latencies.stream().mapToDouble(d -> d).sorted().toArray();
        results.record(new Metric(side.label + ": p50", "s", 2), Percentiles.of(sorted, 0.5));
        results.record(new Metric(side.label + ": p90", "s", 2), Percentiles.of(sorted, 0.9));
        results.record(new Metric(side.label + ": seconds not playing (stalls)", "s", 0), notPlaying);
        cpu.record(new Metric(side.label + ": serving process", "cores", 2), usage.server());
        cpu.record(new Metric(side.label + ": this benchmark (Selenium)", "cores", 2), usage.loadGenerator());
        cpu.record(new Metric(side.label + ": others (Chromium, ffmpeg, …)", "cores", 2), usage.others());
        renditions.computeIfAbsent(side, s -> new ArrayList<>()).add(rendition);
        Progress.say(
                "%s: p50 %.2f s, p90 %.2f s over %d samples, rendition %s",
                of, Percentiles.of(sorted, 0.5), Percentiles.of(sorted, 0.9), sorted.length, rendition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(JavascriptExecutor page) {
        Object value = page.executeScript("return window.benchSample ? window.benchSample() : {playing: false};");
        return (Map<String, Object>) value;
    }

    private boolean wanted(Side side) {
        String name =
                switch (side) {
                    case REPLYCAST -> "replycast";
                    case REPLYCAST_FILES -> "files";
                    case BASELINE -> "baseline";
                };
        return List.of(options.text("sides").split(",")).stream()
                .map(String::strip)
                .anyMatch(name::equals);
    }

    private void recordDifference(int round) {
        // This round's values are the last recorded ones: the medians of one value.
        double replycast = last(new Metric(Side.REPLYCAST.label + ": p50", "s", 2));
        double baseline = last(new Metric(Side.BASELINE.label + ": p50", "s", 2));
        double files = last(new Metric(Side.REPLYCAST_FILES.label + ": p50", "s", 2));
        results.record(new Metric("Replycast p50 − baseline p50", "s", 2), replycast - baseline);
        results.record(new Metric("Replycast p50 − its own segments on nginx p50", "s", 2), replycast - files);
    }

    private double last(Metric metric) {
        return results.last(metric);
    }

    /** The processes that serve a side: WildFly, or nginx's master and workers. */
    private long[] servingPids(Side side, NginxOrigin nginx) {
        return side == Side.REPLYCAST ? new long[] {options.number("server-pid")} : nginx.pids();
    }

    private String report(String source, List<String> command, List<String> differences) {
        double replycast = results.median(new Metric(Side.REPLYCAST.label + ": p50", "s", 2));
        double difference = results.median(new Metric("Replycast p50 − baseline p50", "s", 2));
        StringBuilder sameCommand = new StringBuilder();
        if (differences.isEmpty()) {
            sameCommand.append("Replycast's capture runs exactly the baseline's command (apart from the folder).\n");
        } else {
            sameCommand.append("Replycast's capture command differs from the baseline's:\n\n");
            differences.forEach(d -> sameCommand.append("- ").append(d).append('\n'));
        }
        StringBuilder played = new StringBuilder();
        renditions.forEach((side, list) -> played.append("- ")
                .append(side.label)
                .append(": ")
                .append(String.join(", ", list))
                .append('\n'));
        return String.format(
                Locale.ROOT,
                """
                ### Glass-to-glass latency (median of %d rounds; per side and round %d sessions of %d samples, each after %d s of playing)

                Latency is `Date.now() - hls.playingDate` in hls.js %s (default configuration) in headless Chromium,
                read once a second: the wall clock minus the capture's program date-time of the picture on screen.
                Source `%s`; the baseline ran while the channel's capture was switched off, so one encode ran at a time.

                %s
                Rendition hls.js played, per round:

                %s
                %s
                Baseline command: `%s`

                ### CPU split while sampling (median of the rounds; 2 cores shared by everything)

                %s
                ### Goals

                - Replycast p50 at most %.1f s: %.2f s, **%s**
                - Replycast p50 within %.1f s of the baseline's: %+.2f s, **%s**
                """,
                options.integer("rounds"),
                options.integer("sessions"),
                options.integer("sample-seconds"),
                options.integer("settle-seconds"),
                hlsVersion(),
                source,
                results.table(),
                played,
                sameCommand,
                String.join(" ", command),
                cpu.table(),
                GOAL_P50_SECONDS,
                replycast,
                replycast <= GOAL_P50_SECONDS ? "met" : "not met",
                GOAL_DIFFERENCE_SECONDS,
                difference,
                difference <= GOAL_DIFFERENCE_SECONDS ? "met" : "not met");
    }

    private String hlsVersion() {
        try {
            String json = Files.readString(options.path("player").resolve("node_modules/hls.js/package.json"));
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(json);
            return version.find() ? version.group(1) : "?";
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("bench-glass-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.replycast.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.replycast.bench.RoundResults.Metric;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * The signed-request benchmark (run by {@code bench/signed-requests.sh}): against a running Replycast,
 * verified requests per second in a closed loop and latency percentiles at a fixed rate, each round beside
 * the in-process baselines measured in the same round (HMAC-SHA256 alone, and the server's verifier without
 * HTTP). Prints progress to standard error and the results as markdown to standard output.
 */
public final class SignedRequestBenchmark {

    /**
     * Signed endpoints, cheapest first: the signed terminal itself (the signature check and nothing more), then
     * the two cheapest reads of the database.
     */
    private static final List<String> TARGETS =
            List.of("/api/v1/terminal", "/api/v1/channels", "/api/v1/calls?state=RINGING");

    private static final String LATENCY_TARGET = "/api/v1/channels";
    private static final String CHANNEL = "bench-hall";
    private static final double GOAL_REQUESTS_PER_SECOND = 3000;
    private static final double GOAL_P99_MILLIS = 20;
    private static final Duration IN_PROCESS = Duration.ofSeconds(2);

    private static final String USAGE =
            """
            Usage: SignedRequestBenchmark [options]   (normally through bench/signed-requests.sh)

              --http-port N         Replycast's HTTP port (default 8080)
              --keycloak-port N     the development Keycloak's port, for the admin token (default 8180)
              --server-pid N        WildFly's process id, for the CPU split (default: none, not shown)
              --rounds N            measurement rounds; medians are over these (default 5)
              --seconds N           length of each closed-loop measurement (default 8)
              --latency-seconds N   length of the fixed-rate measurement (default 10)
              --rate N              requests per second of the fixed-rate measurement (default 500)
              --concurrency LIST    closed-loop connections, comma-separated (default 8,32)
              --warmup-seconds N    warm-up per endpoint before the first round (default 30)
            """;

    private final Options options;
    private final RoundResults results = new RoundResults();
    private final RoundResults cpu = new RoundResults();

    private SignedRequestBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        System.setProperty("replycast.it.http.port", Integer.toString(options.httpPort()));
        System.setProperty("replycast.it.keycloak.port", Integer.toString(options.keycloakPort()));
        try {
            System.out.print(new SignedRequestBenchmark(options).run());
        } catch (SignedLoad.NotVerified e) {
            System.err.println("\nBenchmark stopped: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("\nBenchmark failed: " + e);
            System.exit(1);
        }
        System.exit(0); // the HTTP client's threads would keep the JVM waiting
    }

    /** Command-line settings; see {@link #USAGE}. */
    record Options(
            int httpPort,
            int keycloakPort,
            long serverPid,
            int rounds,
            Duration seconds,
            Duration latencySeconds,
            int rate,
            List<Integer> concurrency,
            Duration warmup) {

        /** @return the options, or null when help was asked for */
        static Options parse(String[] args) {
            int httpPort = 8080, keycloakPort = 8180, rounds = 5, seconds = 8, latencySeconds = 10, rate = 500;
            int warmup = 30;
            long serverPid = 0;
            List<Integer> concurrency = List.of(8, 32);
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    return null;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("Option " + name + " needs a value.");
                }
                String value = args[++i];
                try {
                    switch (name) {
                        case "--http-port" -> httpPort = Integer.parseInt(value);
                        case "--keycloak-port" -> keycloakPort = Integer.parseInt(value);
                        case "--server-pid" -> serverPid = Long.parseLong(value);
                        case "--rounds" -> rounds = Integer.parseInt(value);
                        case "--seconds" -> seconds = Integer.parseInt(value);
                        case "--latency-seconds" -> latencySeconds = Integer.parseInt(value);
                        case "--rate" -> rate = Integer.parseInt(value);
                        case "--warmup-seconds" -> warmup = Integer.parseInt(value);
                        case "--concurrency" ->
                            concurrency = Arrays.stream(value.split(","))
                                    .map(String::strip)
                                    .map(Integer::valueOf)
                                    .toList();
                        default -> throw new IllegalArgumentException("Unknown option " + name + ".");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Option " + name + " needs a number, not " + value + ".");
                }
            }
            if (rounds < 1 || seconds < 1 || latencySeconds < 1 || rate < 1 || concurrency.isEmpty()) {
                throw new IllegalArgumentException("Rounds, seconds, rate and concurrency must be at least 1.");
            }
            return new Options(
                    httpPort,
                    keycloakPort,
                    serverPid,
                    rounds,
                    Duration.ofSeconds(seconds),
                    Duration.ofSeconds(latencySeconds),
                    rate,
                    concurrency,
                    Duration.ofSeconds(warmup));
        }

        /** Terminals for the fixed-rate schedule: enough that requests are sent on time even if some are slow. */
        int latencyTerminals() {
            return 32;
        }
    }

    private String run() {
        ApiClient api = new ApiClient();
        createChannel(api);
        int needed = Math.max(
                options.latencyTerminals(),
                options.concurrency().stream().max(Integer::compare).get());
        List<TerminalSigner> terminals = new ArrayList<>();
        try {
            progress("Registering %d terminals (one per load thread, so nonces and lockouts are per terminal)", needed);
            for (int i = 0; i < needed; i++) {
                terminals.add(TestTerminals.register(api));
            }
            SignedLoad load = new SignedLoad(ApiClient.baseUri(), options.serverPid());
            warmUp(load, terminals);
            for (int round = 1; round <= options.rounds(); round++) {
                measureRound(round, load, terminals);
            }
            return report();
        } finally {
            removeTerminals(api, terminals);
        }
    }

    private void warmUp(SignedLoad load, List<TerminalSigner> terminals) {
        progress(
                "Warming up: in-process HMAC and verifier, then %d s per endpoint",
                options.warmup().toSeconds());
        HmacBaseline.opsPerSecond(1, IN_PROCESS);
        InProcessVerification.opsPerSecond(1, IN_PROCESS);
        for (String target : TARGETS) {
            if (!options.warmup().isZero()) {
                load.closedLoop(target, terminals.subList(0, 8), options.warmup());
            }
        }
    }

    private void measureRound(int round, SignedLoad load, List<TerminalSigner> terminals) {
        String of = "Round " + round + "/" + options.rounds() + ": ";
        double hmacOne = measure(
                of,
                new Metric("HMAC-SHA256 alone, key cached, 1 thread", "ops/s", 0),
                () -> HmacBaseline.opsPerSecond(1, IN_PROCESS));
        double hmacTwo = measure(
                of,
                new Metric("HMAC-SHA256 alone, key cached, 2 threads", "ops/s", 0),
                () -> HmacBaseline.opsPerSecond(2, IN_PROCESS));
        measure(
                of,
                new Metric("server's verifier in process (parse, checks, base, HMAC), 1 thread", "ops/s", 0),
                () -> InProcessVerification.opsPerSecond(1, IN_PROCESS));
        double best = 0;
        for (String target : TARGETS) {
            for (int connections : options.concurrency()) {
                String name = "GET " + target + ", " + connections + " connections";
                progress("%s%s for %d s", of, name, options.seconds().toSeconds());
                SignedLoad.Throughput throughput =
                        load.closedLoop(target, terminals.subList(0, connections), options.seconds());
                results.record(new Metric("verified " + name, "req/s", 0), throughput.perSecond());
                recordCpu(name, throughput.cpu(), throughput.serverMicrosPerRequest());
                progress("%s  %s req/s", of, RoundResults.format(throughput.perSecond(), 0));
                best = Math.max(best, throughput.perSecond());
            }
        }
        results.record(new Metric("best verified req/s ÷ HMAC ops/s (1 thread)", "ratio", 4), best / hmacOne);
        results.record(new Metric("best verified req/s ÷ HMAC ops/s (2 threads)", "ratio", 4), best / hmacTwo);

        String name = "GET " + LATENCY_TARGET + " at " + options.rate() + "/s";
        progress("%s%s for %d s", of, name, options.latencySeconds().toSeconds());
        SignedLoad.Latencies latencies = load.fixedRate(
                LATENCY_TARGET,
                terminals.subList(0, options.latencyTerminals()),
                options.rate(),
                options.latencySeconds());
        results.record(new Metric(name + ": achieved rate", "req/s", 0), latencies.achievedPerSecond());
        for (double fraction : new double[] {0.5, 0.9, 0.99}) {
            results.record(
                    new Metric(name + ": p" + Math.round(fraction * 100), "ms", 2),
                    latencies.percentileMillis(fraction));
        }
        results.record(new Metric(name + ": max", "ms", 2), latencies.maxMillis());
        recordCpu(name, latencies.cpu(), Double.NaN);
        progress(
                "%s  p50 %s ms, p99 %s ms",
                of,
                RoundResults.format(latencies.percentileMillis(0.5), 2),
                RoundResults.format(latencies.percentileMillis(0.99), 2));
    }

    private double measure(String of, Metric metric, DoubleSupplier measurement) {
        progress("%s%s", of, metric.name());
        double value = measurement.getAsDouble();
        results.record(metric, value);
        progress("%s  %s %s", of, RoundResults.format(value, metric.decimals()), metric.unit());
        return value;
    }

    private void recordCpu(String name, CpuUsage usage, double serverMicrosPerRequest) {
        if (options.serverPid() > 0 && !Double.isNaN(serverMicrosPerRequest)) {
            cpu.record(new Metric(name + ": server CPU per verified request", "µs", 0), serverMicrosPerRequest);
        }
        if (options.serverPid() > 0) {
            cpu.record(new Metric(name + ": WildFly", "cores", 2), usage.server());
        }
        cpu.record(new Metric(name + ": load generator", "cores", 2), usage.loadGenerator());
        cpu.record(new Metric(name + ": other processes", "cores", 2), usage.others());
        cpu.record(new Metric(name + ": steal (hypervisor)", "cores", 2), usage.steal());
    }

    private String report() {
        double best = 0;
        for (String target : TARGETS) {
            for (int connections : options.concurrency()) {
                best = Math.max(
                        best,
                        results.median(new Metric(
                                "verified GET " + target + ", " + connections + " connections", "req/s", 0)));
            }
        }
        double p99 = results.median(new Metric("GET " + LATENCY_TARGET + " at " + options.rate() + "/s: p99", "ms", 2));
        return String.format(
                Locale.ROOT,
                """
                ### Throughput, latency and baselines (median of %d rounds)

                %s
                ### CPU split (median of %d rounds; 2 cores in all, shared by server and load generator)

                %s
                ### Goals

                - at least %,.0f verified requests per second: best median %s req/s, **%s**
                - p99 at most %.0f ms at %d requests per second: median p99 %s ms, **%s**
                """,
                options.rounds(),
                results.table(),
                options.rounds(),
                cpu.table(),
                GOAL_REQUESTS_PER_SECOND,
                RoundResults.format(best, 0),
                best >= GOAL_REQUESTS_PER_SECOND ? "met" : "not met",
                GOAL_P99_MILLIS,
                options.rate(),
                RoundResults.format(p99, 2),
                p99 <= GOAL_P99_MILLIS ? "met" : "not met");
    }

    private static void createChannel(ApiClient api) {
        HttpResponse<String> created = api.postJson(
                "api/v1/admin/channels",
                "{\"captureEnabled\":false,\"channelId\":\"" + CHANNEL
                        + "\",\"name\":\"Benchmark hall\",\"timeZone\":\"UTC\"}",
                KeycloakServer.adminAuthorization());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException(
                    "could not create the channel " + CHANNEL + ": " + created.statusCode() + " " + created.body());
        }
    }

    /** Removes the benchmark's terminals again, so the console's list does not fill up with them. */
    private static void removeTerminals(ApiClient api, List<TerminalSigner> terminals) {
        if (terminals.isEmpty()) {
            return;
        }
        progress("Removing the %d benchmark terminals", terminals.size());
        String[] admin = KeycloakServer.adminAuthorization();
        for (TerminalSigner terminal : terminals) {
            int status = api.delete("api/v1/admin/terminals/" + terminal.terminalId(), admin)
                    .statusCode();
            if (status / 100 != 2) {
                System.err.println("could not remove terminal " + terminal.terminalId() + ": " + status);
            }
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}

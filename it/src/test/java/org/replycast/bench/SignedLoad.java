package org.replycast.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.replycast.testing.TerminalSigner;

/**
 * Sends signed terminal requests to a running Replycast over HTTP/1.1 keep-alive connections, one thread per
 * terminal, each request signed afresh (new nonce, current time). Any answer other than 2xx stops the
 * measurement with the status and body: only verified requests count.
 */
final class SignedLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final long serverPid;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    /** @param serverPid the server's process, for the CPU split; 0 when unknown */
    SignedLoad(URI baseUri, long serverPid) {
        this.baseUri = baseUri;
        this.serverPid = serverPid;
    }

    /** Verified requests of a closed loop: each terminal sends its next request when the last is answered. */
    record Throughput(long requests, double seconds, CpuUsage cpu) {

        double perSecond() {
            return requests / seconds;
        }

        /** Server CPU time per verified request, in microseconds. */
        double serverMicrosPerRequest() {
            return cpu.serverCpuSeconds() * 1e6 / requests;
        }
    }

    /** Latencies of an open-loop schedule, each from the instant the request was due. */
    record Latencies(long[] sortedNanos, double achievedPerSecond, CpuUsage cpu) {

        /** The latency that this fraction of requests did not exceed (nearest rank), in milliseconds. */
        double percentileMillis(double fraction) {
            return Percentiles.of(sortedNanos, fraction) / 1e6;
        }

        double maxMillis() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    /** Each terminal sends {@code target} (path and query) in a loop for the given time. */
    Throughput closedLoop(String target, List<TerminalSigner> terminals, Duration duration) {
        AtomicLong verified = new AtomicLong();
        long[] window = new long[2];
        CpuUsage.Snapshot[] cpu = new CpuUsage.Snapshot[2];
        runTogether(
                terminals,
                () -> {
                    cpu[0] = CpuUsage.Snapshot.take(serverPid);
                    window[0] = System.nanoTime();
                    window[1] = window[0] + duration.toNanos();
                },
                terminal -> {
                    long done = 0;
                    while (System.nanoTime() < window[1]) {
                        send(terminal, target);
                        done++;
                    }
                    verified.addAndGet(done);
                });
        cpu[1] = CpuUsage.Snapshot.take(serverPid);
        return new Throughput(verified.get(), (System.nanoTime() - window[0]) / 1e9, CpuUsage.between(cpu[0], cpu[1]));
    }

    /**
     * Sends {@code target} at a fixed rate for the given time: request k is due at start + k / rate, whoever
     * is free sends it then, and its latency counts from when it was due, so a slow answer that delays the
     * next requests shows in their latency too (no coordinated omission). The terminals are the most
     * requests in flight at once.
     */
    Latencies fixedRate(String target, List<TerminalSigner> terminals, int perSecond, Duration duration) {
        int total = (int) (perSecond * duration.toSeconds());
        long period = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        AtomicLong next = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long[] start = new long[1];
        CpuUsage.Snapshot[] cpu = new CpuUsage.Snapshot[2];
        runTogether(
                terminals,
                () -> {
                    cpu[0] = CpuUsage.Snapshot.take(serverPid);
                    start[0] = System.nanoTime();
                },
                terminal -> {
                    long k;
                    while ((k = next.getAndIncrement()) < total) {
                        long due = start[0] + k * period;
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            LockSupport.parkNanos(wait);
                        }
                        send(terminal, target);
                        long answered = System.nanoTime();
                        latencies[(int) k] = answered - due;
                        lastAnswer.accumulateAndGet(answered, Math::max);
                    }
                });
        cpu[1] = CpuUsage.Snapshot.take(serverPid);
        Arrays.sort(latencies);
        return new Latencies(latencies, total * 1e9 / (lastAnswer.get() - start[0]), CpuUsage.between(cpu[0], cpu[1]));
    }

    /** Sends one signed GET as the terminal. @throws NotVerified unless the answer is 2xx */
    void send(TerminalSigner terminal, String target) {
        URI uri = baseUri.resolve(target);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .headers(terminal.sign("GET", uri, null).headers())
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + target + " as " + terminal.terminalId() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotVerified(target, terminal.terminalId(), response.statusCode(), response.body());
        }
    }

    /** A request the server did not answer with 2xx; the benchmark stops on the first. */
    static final class NotVerified extends RuntimeException {

        NotVerified(String target, String terminalId, int status, String body) {
            super("GET " + target + " as terminal " + terminalId + " was answered " + status + ", not 2xx: " + body);
        }
    }

    private interface TerminalWork {
        void run(TerminalSigner terminal);
    }

    /**
     * Runs the work once per terminal, each on a thread of its own, all starting after {@code atStart} ran;
     * the first failure stops the others and is thrown.
     */
    private static void runTogether(List<TerminalSigner> terminals, Runnable atStart, TerminalWork work) {
        CountDownLatch ready = new CountDownLatch(terminals.size());
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (TerminalSigner terminal : terminals) {
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            work.run(terminal);
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            if (failure.compareAndSet(null, e)) {
                                threads.forEach(Thread::interrupt);
                            }
                        }
                    },
                    "terminal-" + terminal.terminalId());
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        try {
            ready.await();
            atStart.run();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}

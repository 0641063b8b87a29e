package org.replycast.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Many uploads of the same recording at once, each sent in real time as a recorder would: one segment every
 * interval, from a start shared by all (spread over the first interval), then the end signal, timed until the
 * receiver says the whole upload is durable. The receiver is whatever {@link Upload} speaks to.
 */
final class PacedUploads {

    /** One upload's way to a receiver; each method blocks until the receiver has taken what it was given. */
    interface Upload extends AutoCloseable {

        /** The start signal; returns when the receiver has answered it. */
        void start() throws Exception;

        void send(ByteBuffer segment) throws Exception;

        /** The end signal; returns when the receiver reports the upload durable, with its size and checksum. */
        Outcome finish(String sha256) throws Exception;

        @Override
        void close();
    }

    /** What the receiver reported at the end. */
    record Outcome(long bytes, String sha256) {}

    /**
     * One upload's result.
     *
     * @param startToStartedNanos from sending the start signal to the receiver's answer, all senders at once
     * @param endToDurableNanos from sending the end signal to the receiver's answer
     * @param worstLatenessNanos how late the sender sent its most delayed segment (a late client, not server)
     * @param failure why it failed, or null
     */
    record Result(
            long startToStartedNanos,
            long endToDurableNanos,
            long worstLatenessNanos,
            Outcome outcome,
            String failure) {

        boolean succeeded() {
            return failure == null;
        }
    }

    private PacedUploads() {}

    /**
     * Runs {@code count} uploads of the recording, each on a thread of its own, and waits for them all.
     *
     * @param uploads makes the i-th upload
     */
    static List<Result> run(int count, Recording recording, Duration interval, IntFunction<Upload> uploads) {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        long spread = interval.toNanos() / count;
        try {
            List<Future<Result>> running = new ArrayList<>();
            // Every upload starts at once when all are open, as when a crowd answers at the same moment.
            AtomicLong firstSegmentDue = new AtomicLong();
            for (int i = 0; i < count; i++) {
                int index = i;
                running.add(threads.submit(() -> {
                    try (Upload upload = uploads.apply(index)) {
                        long starting = System.nanoTime();
                        upload.start();
                        long startToStarted = System.nanoTime() - starting;
                        ready.countDown();
                        ready.await();
                        firstSegmentDue.compareAndSet(0, System.nanoTime() + interval.toNanos());
                        return sendAll(
                                upload, recording, interval, firstSegmentDue.get() + index * spread, startToStarted);
                    } catch (Exception e) {
                        ready.countDown();
                        return new Result(0, 0, 0, null, e.toString());
                    }
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> upload : running) {
                results.add(upload.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload thread failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static Result sendAll(
            Upload upload, Recording recording, Duration interval, long firstDue, long startToStarted)
            throws Exception {
        long worstLateness = 0;
        List<ByteBuffer> segments = recording.segments();
        for (int k = 0; k < segments.size(); k++) {
            long due = firstDue + k * interval.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else {
                worstLateness = Math.max(worstLateness, -wait);
            }
            upload.send(segments.get(k).duplicate());
        }
        long ended = System.nanoTime();
        Outcome outcome = upload.finish(recording.sha256());
        long endToDurable = System.nanoTime() - ended;
        String failure = outcome.bytes() == recording.length()
                        && outcome.sha256().equals(recording.sha256())
                ? null
                : "the receiver reported " + outcome + " for " + recording.length() + " bytes " + recording.sha256();
        return new Result(startToStarted, endToDurable, worstLateness, outcome, failure);
    }
}

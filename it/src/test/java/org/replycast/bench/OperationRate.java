package org.replycast.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures an in-process operation in operations per second: each thread runs its own instance of the
 * operation in a loop for the given time, all threads starting together.
 */
final class OperationRate {

    private OperationRate() {}

    /**
     * @param operationPerThread makes the operation that one thread repeats (so each thread has its own state,
     *     such as its own {@code Mac})
     */
    static double perSecond(int threads, Duration duration, Supplier<Runnable> operationPerThread) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong operations = new AtomicLong();
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Runnable operation = operationPerThread.get();
            Thread worker = new Thread(
                    () -> {
                        ready.countDown();
                        awaitQuietly(go);
                        long deadline = window[1];
                        long done = 0;
                        do {
                            // Checks the clock every 64 operations, so reading it costs next to nothing.
                            for (int j = 0; j < 64; j++) {
                                operation.run();
                            }
                            done += 64;
                        } while (System.nanoTime() < deadline);
                        operations.addAndGet(done);
                    },
                    "operation-rate-" + i);
            workers.add(worker);
            worker.start();
        }
        awaitQuietly(ready);
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread worker : workers) {
            joinQuietly(worker);
        }
        long elapsed = System.nanoTime() - window[0];
        return operations.get() * 1e9 / elapsed;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.replycast.display;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the forwarding outbox: a persistent timer looks every second for due webhooks, claims as many as
 * there is room for, and sends each on the managed executor, so that a slow receiver holds neither the timer
 * nor the storage pipeline; each attempt's outcome is recorded by {@link ForwardingService}.
 */
@Singleton
public class ForwardingScheduler {

    /** Attempts running at once on this node; more wait in the outbox, still due. */
    static final int MAX_IN_FLIGHT = 8;

    @Inject
    ForwardingService forwarding;

    @Inject
    WebhookClient client;

    @Resource
    ManagedExecutorService executor;

    private final AtomicInteger inFlight = new AtomicInteger();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = true, info = "forwarding outbox")
    void deliverDue() {
        int room = MAX_IN_FLIGHT - inFlight.get();
        if (room <= 0) {
            return;
        }
        for (DueDelivery due : forwarding.claimDue(room)) {
            inFlight.incrementAndGet();
            executor.execute(() -> {
                try {
                    forwarding.recordAttempt(
                            due, client.send(due, forwarding.policy().timeout()));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }
}

package org.replycast.message;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.channel.Channel;

/**
 * The persistent timer that enforces retention and quotas every {@code replycast.messages.retention-interval}
 * (an ISO-8601 duration, an hour unless set): first each channel's retention, then each terminal's quota, in
 * batches through {@link MessageRetentionService}, one transaction per removed message. Started with the
 * application, which sets the timer once, or anew when the interval changed.
 */
@Singleton
@Startup
public class MessageRetentionScheduler {

    private static final Logger LOG = Logger.getLogger(MessageRetentionScheduler.class.getName());
    /** Messages looked up at once: thousands to remove make many small transactions, never one huge one. */
    static final int BATCH = 100;

    @Resource
    TimerService timerService;

    @Inject
    MessageRetentionService retention;

    @Inject
    @ConfigProperty(name = "replycast.messages.retention-interval", defaultValue = "PT1H")
    Duration interval;

    @PostConstruct
    void setTimer() {
        // The timer is persistent, so it is there already after a restart, unless the interval changed.
        String info = "message retention every " + interval;
        for (Timer timer : timerService.getTimers()) {
            if (info.equals(timer.getInfo())) {
                return;
            }
            timer.cancel();
        }
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(info, true));
    }

    // No transaction of its own: each removal has one, so a crash loses at most the message under way.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void enforce() {
        Instant now = Instant.now();
        for (Channel channel : retention.channelsWithRetention()) {
            int days = channel.getRetentionDays();
            Instant cutoff = retention.policy().cutoff(days, now);
            inBatches(
                    () -> retention.expired(channel.getChannelId(), cutoff, BATCH),
                    message -> retention.removeExpired(message.getMessageId(), cutoff, days));
        }
        for (StoredBytes usage : retention.overQuota()) {
            long quota = retention.policy().quotaOf(usage).orElseThrow();
            long[] stored = {usage.bytes()};
            inBatches(
                    () -> RetentionPolicy.overQuota(
                            retention.earliestStored(usage.terminalId(), BATCH), stored[0], quota),
                    message -> {
                        boolean removed =
                                retention.removeOverQuota(message.getMessageId(), usage.terminalId(), stored[0], quota);
                        if (removed) {
                            stored[0] -= message.getBytes();
                        }
                        return removed;
                    });
        }
    }

    /**
     * Removes batch after batch until a batch is empty or removes nothing (a message that cannot be removed now
     * is tried again at the next pass, and never holds this one in a loop).
     */
    private static void inBatches(Supplier<List<Message>> next, Predicate<Message> remove) {
        List<Message> batch = next.get();
        while (!batch.isEmpty()) {
            int removed = 0;
            for (Message message : batch) {
                if (removeLogged(message, remove)) {
                    removed++;
                }
            }
            if (removed == 0) {
                return;
            }
            batch = next.get();
        }
    }

    private static boolean removeLogged(Message message, Predicate<Message> remove) {
        try {
            return remove.test(message);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "message " + message.getMessageId() + " not removed; next pass tries again");
            return false;
        }
    }
}

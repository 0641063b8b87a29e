package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The persistent timer of each reply on its way in: when its sender has done nothing for {@code
 * replycast.messages.incomplete-after} (an ISO-8601 duration, 15 minutes unless set), {@link StorageService}
 * gives it up; while the sender is active, the timer is set again for the new deadline. Timers survive a
 * restart in the server's data directory.
 */
@Stateless
public class MessageScheduler {

    @Resource
    TimerService timerService;

    @Inject
    StorageService storage;

    @Inject
    @ConfigProperty(name = "replycast.messages.incomplete-after", defaultValue = "PT15M")
    Duration incompleteAfter;

    /** Starts watching a new message, in the caller's transaction. */
    public void watch(String messageId) {
        schedule(messageId, incompleteAfter);
    }

    @Timeout
    void fire(Timer timer) throws IOException {
        String messageId = (String) timer.getInfo();
        storage.expireIfIdle(messageId, incompleteAfter)
                .ifPresent(due -> schedule(messageId, Duration.between(Instant.now(), due)));
    }

    private void schedule(String messageId, Duration after) {
        timerService.createSingleActionTimer(Math.max(0, after.toMillis()), new TimerConfig(messageId, true));
    }
}

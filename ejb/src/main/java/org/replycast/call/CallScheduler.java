package org.replycast.call;

import jakarta.annotation.Resource;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The persistent timers of calls (ring timeout, auto-answer, maximum length). They are created and
 * cancelled in the caller's transaction, survive a restart in the server's data directory, and hand the
 * call back to {@link CallProcessingService} when they fire.
 */
@Stateless
public class CallScheduler {

    @Resource
    TimerService timerService;

    @Inject
    CallProcessingService callProcessing;

    /** Starts a persistent timer that fires once after the delay. */
    public void schedule(String callId, CallTimer.Kind kind, Duration after) {
        timerService.createSingleActionTimer(
                Math.max(0, after.toMillis()), new TimerConfig(new CallTimer(callId, kind), true));
    }

    /** Cancels every timer of the call, as when it connects or ends. */
    public void cancelAll(String callId) {
        for (Timer timer : timerService.getTimers()) {
            try {
                if (timer.getInfo() instanceof CallTimer due && due.callId().equals(callId)) {
                    timer.cancel();
                }
            } catch (NoSuchObjectLocalException gone) {
                // It fired or was cancelled since the list was taken: nothing left to cancel.
            }
        }
    }

    @Timeout
    void fire(Timer timer) {
        callProcessing.timeUp((CallTimer) timer.getInfo());
    }
}

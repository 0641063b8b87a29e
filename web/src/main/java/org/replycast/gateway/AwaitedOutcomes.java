package org.replycast.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.replycast.message.MessageAnnounced;

/**
 * The replies whose gateway connections on this node wait for the storage side's outcome: each is looked at as
 * soon as a committed change of it is announced ({@link MessageAnnounced}, from any node), instead of at its
 * connection's next poll, which stays as the fallback for an announcement that never comes.
 */
@ApplicationScoped
public class AwaitedOutcomes {

    private final Map<String, Runnable> waiting = new ConcurrentHashMap<>();

    /** Runs the check (which must hand its work to another thread) whenever the message is announced. */
    public void await(String messageId, Runnable check) {
        waiting.put(messageId, check);
    }

    /** The connection no longer waits for the message. */
    public void stop(String messageId) {
        waiting.remove(messageId);
    }

    void announced(@Observes MessageAnnounced announced) {
        Runnable check = waiting.get(announced.messageId());
        if (check != null) {
            check.run();
        }
    }
}

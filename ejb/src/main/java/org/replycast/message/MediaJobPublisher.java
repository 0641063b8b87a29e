package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Puts a job for the media worker on the persistent queue {@code MediaJobs} once a reply's storing has
 * committed: make its display copy. The job is sent after the commit, not inside it, so that storing a reply
 * costs no two-phase commit; a node that stops in between leaves a stored reply without a copy, which {@link
 * DisplayCopyRecovery} asks for again when the node starts. Each job carries a duplicate id of its message, so
 * the broker keeps one job per reply however often it is asked.
 */
@Stateless
// Outside a transaction: each job is a plain persistent send, durable in the journal when it returns.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaJobPublisher {

    public static final String MESSAGE_ID = "replycastMessageId";
    /** Whether the prober found video, so that the worker need not probe the original again; absent if unknown. */
    public static final String HAS_VIDEO = "replycastHasVideo";

    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/MediaJobs")
    Queue mediaJobs;

    /** Asks for the display copy of a reply whose storing has just committed. */
    public void displayCopy(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyStored stored) {
        send(stored.messageId(), stored.hasVideo());
    }

    /** Asks for the display copy of a stored reply, unless it was asked for before; the worker probes it. */
    public void displayCopy(String messageId) {
        send(messageId, null);
    }

    private void send(String messageId, Boolean hasVideo) {
        try (JMSContext jms = connections.createContext()) {
            Message job = jms.createMessage();
            job.setStringProperty(MESSAGE_ID, messageId);
            if (hasVideo != null) {
                job.setBooleanProperty(HAS_VIDEO, hasVideo);
            }
            job.setStringProperty(DUPLICATE_ID, "display-copy:" + messageId);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(mediaJobs, job);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the media job of message " + messageId, e);
        }
    }
}

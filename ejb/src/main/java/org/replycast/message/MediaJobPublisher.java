package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Puts a job for the media worker on the persistent queue {@code MediaJobs} when a reply is stored: make its
 * display copy. The job joins the caller's transaction, so it exists exactly when the message is {@code STORED}.
 */
@Stateless
public class MediaJobPublisher {

    public static final String MESSAGE_ID = "replycastMessageId";
    /** Whether the prober found video, so that the worker need not probe the original again. */
    public static final String HAS_VIDEO = "replycastHasVideo";

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/MediaJobs")
    Queue mediaJobs;

    /** Asks for the display copy of the stored message, in the caller's transaction. */
    public void displayCopy(String messageId, boolean hasVideo) {
        try (JMSContext jms = connections.createContext()) {
            Message job = jms.createMessage();
            job.setStringProperty(MESSAGE_ID, messageId);
            job.setBooleanProperty(HAS_VIDEO, hasVideo);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(mediaJobs, job);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the media job of message " + messageId, e);
        }
    }
}

package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

/**
 * Puts every committed change of a reply message on the persistent topic {@code MessageEvents}, for the
 * display, the forwarding outbox and the console of every node. The body is empty: the properties name the
 * message and its new states, and consumers read the rest from the database.
 */
@Stateless
public class MessageEventPublisher {

    public static final String MESSAGE_ID = "replycastMessageId";
    public static final String CHANNEL_ID = "replycastChannelId";
    public static final String SENDER_TERMINAL_ID = "replycastSenderTerminalId";
    public static final String STATE = "replycastMessageState";
    public static final String MODERATION = "replycastModeration";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/topic/MessageEvents")
    Topic messageEvents;

    // A transaction of its own: the change's transaction has already committed when this runs.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageChanged changed) {
        Message event = jms.createMessage();
        try {
            event.setStringProperty(MESSAGE_ID, changed.messageId());
            event.setStringProperty(CHANNEL_ID, changed.channelId());
            event.setStringProperty(SENDER_TERMINAL_ID, changed.senderTerminalId());
            event.setStringProperty(STATE, changed.state().name());
            event.setStringProperty(MODERATION, changed.moderation().name());
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the event of message " + changed.messageId(), e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(messageEvents, event);
    }
}

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
    /** True on a moderator's request that the displays play the message now; absent on a change. */
    public static final String DISPLAY_NOW = "replycastDisplayNow";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/topic/MessageEvents")
    Topic messageEvents;

    // Outside a transaction: the change's has committed when this runs, and a plain persistent send is durable
    // when it returns, without the round trips of a transaction around one send.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageChanged changed) {
        send(changed.messageId(), event -> {
            event.setStringProperty(MESSAGE_ID, changed.messageId());
            event.setStringProperty(CHANNEL_ID, changed.channelId());
            event.setStringProperty(SENDER_TERMINAL_ID, changed.senderTerminalId());
            event.setStringProperty(STATE, changed.state().name());
            event.setStringProperty(MODERATION, changed.moderation().name());
        });
    }

    /** A request to play a message now: an approved stored message, with {@link #DISPLAY_NOW} set. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) DisplayNowRequested requested) {
        send(requested.messageId(), event -> {
            event.setStringProperty(MESSAGE_ID, requested.messageId());
            event.setStringProperty(CHANNEL_ID, requested.channelId());
            event.setStringProperty(STATE, MessageState.STORED.name());
            event.setStringProperty(MODERATION, ModerationState.APPROVED.name());
            event.setBooleanProperty(DISPLAY_NOW, true);
        });
    }

    private void send(String messageId, Properties properties) {
        Message event = jms.createMessage();
        try {
            properties.setOn(event);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the event of message " + messageId, e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(messageEvents, event);
    }

    @FunctionalInterface
    private interface Properties {
        void setOn(Message event) throws JMSException;
    }
}

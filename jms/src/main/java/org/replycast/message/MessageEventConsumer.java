package org.replycast.message;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes each committed message change from the topic {@code MessageEvents} and announces it on this node as
 * {@link MessageAnnounced}. A non-durable subscription per node, so that every node's displays hear every
 * change; one session, so that changes arrive in the order they were made.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/topic/MessageEvents"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
// Without a transaction: an announcement only wakes what listens on this node (a lost one is made up by the
// database: a display reopens with its last id), so it need not cost a commit per change.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageEventConsumer implements MessageListener {

    @Inject
    Event<MessageAnnounced> announcements;

    @Override
    public void onMessage(Message change) {
        try {
            announcements.fire(new MessageAnnounced(
                    change.getStringProperty(MessageEventPublisher.MESSAGE_ID),
                    change.getStringProperty(MessageEventPublisher.CHANNEL_ID),
                    MessageState.valueOf(change.getStringProperty(MessageEventPublisher.STATE)),
                    ModerationState.valueOf(change.getStringProperty(MessageEventPublisher.MODERATION)),
                    change.propertyExists(MessageEventPublisher.DISPLAY_NOW)
                            && change.getBooleanProperty(MessageEventPublisher.DISPLAY_NOW)));
        } catch (JMSException unreadable) {
            throw new IllegalStateException("unreadable message event", unreadable);
        }
    }
}

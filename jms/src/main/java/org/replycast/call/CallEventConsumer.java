package org.replycast.call;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes each call change from the topic {@code CallEvents} and announces it on this node as {@link
 * CallAnnounced}. A non-durable subscription per node, so that every node hears every change; one session,
 * so that a call's changes arrive in the order they were made.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/topic/CallEvents"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
public class CallEventConsumer implements MessageListener {

    @Inject
    Event<CallAnnounced> announcements;

    @Override
    public void onMessage(Message change) {
        try {
            announcements.fire(new CallAnnounced(CallSnapshot.fromJson(change.getBody(String.class))));
        } catch (JMSException unreadable) {
            throw new IllegalStateException("unreadable call event", unreadable);
        }
    }
}

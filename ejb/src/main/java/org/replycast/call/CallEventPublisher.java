package org.replycast.call;

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
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Puts every committed call change on the persistent topic {@code CallEvents} as the call's JSON ({@link
 * CallSnapshot#toJson()}), for the event streams and token caches of every node and for other parts of the
 * system. The properties allow selectors on the call, its channel and its state.
 */
@Stateless
public class CallEventPublisher {

    public static final String CALL_ID = "replycastCallId";
    public static final String CHANNEL_ID = "replycastChannelId";
    public static final String STATE = "replycastCallState";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/topic/CallEvents")
    Topic callEvents;

    // A transaction of its own: the change's transaction has already committed when this runs.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallChanged changed) {
        CallSnapshot call = changed.call();
        TextMessage message = jms.createTextMessage(call.toJson());
        try {
            message.setStringProperty(CALL_ID, call.callId());
            message.setStringProperty(CHANNEL_ID, call.channelId());
            message.setStringProperty(STATE, call.state().name());
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the event of call " + call.callId(), e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(callEvents, message);
    }
}

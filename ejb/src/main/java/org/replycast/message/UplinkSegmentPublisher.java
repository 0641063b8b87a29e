package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/** Puts the parts of a reply on the persistent queue {@code UplinkSegments}, in one group per reply. */
@Stateless
public class UplinkSegmentPublisher {

    private static final Logger LOG = Logger.getLogger(UplinkSegmentPublisher.class.getName());

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/UplinkSegments")
    Queue uplinkSegments;

    /** The start signal: the storage side opens the message when it takes this. */
    public void publishStart(String messageId, String callId, String contentType, String title) {
        TextMessage start = jms.createTextMessage("");
        try {
            start.setStringProperty(UplinkSegmentHeaders.KIND, UplinkSegmentHeaders.START);
            start.setStringProperty(UplinkSegmentHeaders.MESSAGE_ID, messageId);
            start.setStringProperty(UplinkSegmentHeaders.CALL_ID, callId);
            start.setStringProperty(UplinkSegmentHeaders.CONTENT_TYPE, contentType);
            start.setStringProperty(UplinkSegmentHeaders.TITLE, title);
            start.setStringProperty("JMSXGroupID", messageId);
            start.setStringProperty(UplinkSegmentHeaders.DUPLICATE_ID, messageId + ":start");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("could not build the start marker of message " + messageId, e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(uplinkSegments, start);
        LOG.info(() -> "message " + messageId + " start queued for call " + callId);
    }
}

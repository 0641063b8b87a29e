package org.replycast.message;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Takes the parts of reply messages from {@code UplinkSegments} and hands them to the storage service. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/UplinkSegments"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class UplinkSegmentConsumer implements MessageListener {

    @Inject
    StorageService storageService;

    @Override
    public void onMessage(Message part) {
        try {
            String kind = part.getStringProperty(UplinkSegmentHeaders.KIND);
            if (!UplinkSegmentHeaders.START.equals(kind)) {
                throw new IllegalArgumentException("unknown uplink part kind " + kind);
            }
            storageService.begin(
                    part.getStringProperty(UplinkSegmentHeaders.MESSAGE_ID),
                    part.getStringProperty(UplinkSegmentHeaders.CALL_ID),
                    part.getStringProperty(UplinkSegmentHeaders.CONTENT_TYPE),
                    part.getStringProperty(UplinkSegmentHeaders.TITLE));
        } catch (JMSException unreadable) {
            throw new IllegalStateException("unreadable uplink part", unreadable);
        }
    }
}

package org.replycast.message;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Takes the parts of reply messages from {@code UplinkSegments} and hands each to the storage service. The
 * broker gives all parts of one reply (one message group) to one session in order; a part that fails is
 * delivered again, and after the last attempt parked in the dead-letter queue, while other replies go on.
 *
 * <p>Each step commits on its own and the part is acknowledged afterwards, never in one distributed
 * transaction: a {@code kill -9} mid-commit would leave a prepared acknowledgement in doubt until recovery,
 * and the parts after it would overtake it. A part delivered again after its step committed changes nothing.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/UplinkSegments"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            // As many as the instances of its pool, uplink-storage (wildfly-config): each part mostly waits for
            // the disk, so a crowd's replies are taken side by side.
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "64")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UplinkSegmentConsumer implements MessageListener {

    @Inject
    StorageService storageService;

    @Override
    public void onMessage(Message part) {
        try {
            String messageId = part.getStringProperty(UplinkSegmentHeaders.MESSAGE_ID);
            String kind = part.getStringProperty(UplinkSegmentHeaders.KIND);
            switch (kind == null ? "" : kind) {
                case UplinkSegmentHeaders.START -> storageService.begin(messageId);
                case UplinkSegmentHeaders.SEGMENT ->
                    storageService.append(
                            messageId, part.getLongProperty(UplinkSegmentHeaders.OFFSET), part.getBody(byte[].class));
                case UplinkSegmentHeaders.END ->
                    storageService.end(
                            messageId,
                            part.getLongProperty(UplinkSegmentHeaders.LENGTH),
                            part.getStringProperty(UplinkSegmentHeaders.SHA256));
                case UplinkSegmentHeaders.DECLARE ->
                    storageService.declare(messageId, part.getLongProperty(UplinkSegmentHeaders.LENGTH));
                case UplinkSegmentHeaders.RESUME ->
                    storageService.takeUplink(messageId, part.getStringProperty(UplinkSegmentHeaders.SESSION));
                case UplinkSegmentHeaders.SUSPEND ->
                    storageService.suspend(messageId, part.getStringProperty(UplinkSegmentHeaders.SESSION));
                case UplinkSegmentHeaders.ABORT ->
                    storageService.abort(
                            messageId,
                            MessageRejection.valueOf(part.getStringProperty(UplinkSegmentHeaders.REJECTION)),
                            part.getStringProperty(UplinkSegmentHeaders.REASON));
                default -> throw new IllegalArgumentException("unknown uplink part kind " + kind);
            }
        } catch (JMSException unreadable) {
            throw new IllegalStateException("unreadable uplink part", unreadable);
        } catch (IOException failed) {
            throw new UncheckedIOException("uplink part not stored", failed);
        }
    }
}

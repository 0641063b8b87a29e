package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.UUID;

/**
 * Puts the parts of a reply on the persistent queue {@code UplinkSegments}, in one group per reply: a start
 * marker, the segments (each with its offset, duplicate id {@code <messageId>:<offset>}), and an end, suspend,
 * resume or abort marker. The start marker joins the caller's transaction (the one that creates the message); every
 * other part is sent on its own, a persistent send that returns once the broker has it in its journal, so that a
 * resend with the same duplicate id is simply dropped by the broker instead of failing a transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UplinkSegmentPublisher {

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/UplinkSegments")
    Queue uplinkSegments;

    /** The start signal: the storage side creates the message's file when it takes this. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void start(String messageId) {
        send(jms.createMessage(), messageId, UplinkSegmentHeaders.START, messageId + ":start");
    }

    /** The bytes {@code from} to {@code from + length} of the buffer, at the offset in the reply. */
    public void segment(String messageId, long offset, byte[] buffer, int from, int length) {
        BytesMessage segment = jms.createBytesMessage();
        try {
            segment.writeBytes(buffer, from, length);
            segment.setLongProperty(UplinkSegmentHeaders.OFFSET, offset);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build segment " + offset + " of message " + messageId, e);
        }
        send(segment, messageId, UplinkSegmentHeaders.SEGMENT, messageId + ":" + offset);
    }

    /** The end signal, with the whole length and the checksum that the sender named. */
    public void end(String messageId, long length, String sha256) {
        Message end = jms.createMessage();
        try {
            end.setLongProperty(UplinkSegmentHeaders.LENGTH, length);
            end.setStringProperty(UplinkSegmentHeaders.SHA256, sha256);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the end marker of message " + messageId, e);
        }
        send(end, messageId, UplinkSegmentHeaders.END, messageId + ":end");
    }

    /** The connection dropped before the end: after the parts before it, the message waits for a resume. */
    public void suspend(String messageId, String session) {
        sendSession(messageId, UplinkSegmentHeaders.SUSPEND, session);
    }

    /** A new connection takes the message over; its resume waits until the storage side has taken this. */
    public void resume(String messageId, String session) {
        sendSession(messageId, UplinkSegmentHeaders.RESUME, session);
    }

    /** The message is dropped, for the reason given. */
    public void abort(String messageId, MessageRejection rejection, String reason) {
        Message abort = jms.createMessage();
        try {
            abort.setStringProperty(UplinkSegmentHeaders.REJECTION, rejection.name());
            abort.setStringProperty(UplinkSegmentHeaders.REASON, reason);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the abort marker of message " + messageId, e);
        }
        send(abort, messageId, UplinkSegmentHeaders.ABORT, messageId + ":abort");
    }

    private void sendSession(String messageId, String kind, String session) {
        Message marker = jms.createMessage();
        try {
            marker.setStringProperty(UplinkSegmentHeaders.SESSION, session);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the " + kind + " marker of message " + messageId, e);
        }
        // A connection may suspend or resume a message more than once; each marker is its own.
        send(marker, messageId, kind, messageId + ":" + kind + ":" + UUID.randomUUID());
    }

    private void send(Message part, String messageId, String kind, String duplicateId) {
        try {
            part.setStringProperty(UplinkSegmentHeaders.KIND, kind);
            part.setStringProperty(UplinkSegmentHeaders.MESSAGE_ID, messageId);
            part.setStringProperty(UplinkSegmentHeaders.GROUP_ID, messageId);
            part.setStringProperty(UplinkSegmentHeaders.DUPLICATE_ID, duplicateId);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the " + kind + " part of message " + messageId, e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(uplinkSegments, part);
    }
}

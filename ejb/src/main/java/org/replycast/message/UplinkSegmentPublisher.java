package org.replycast.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
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
 * resend with the same duplicate id is simply dropped by the broker instead of failing a transaction. Each part
 * takes a pooled JMS session only while it is sent, so a gateway connection that lasts minutes holds none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UplinkSegmentPublisher {

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/UplinkSegments")
    Queue uplinkSegments;

    /** The start signal: the storage side creates the message's file when it takes this. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void start(String messageId) {
        send(messageId, UplinkSegmentHeaders.START, messageId + ":start", JMSContext::createMessage);
    }

    /** The bytes {@code from} to {@code from + length} of the buffer, at the offset in the reply. */
    public void segment(String messageId, long offset, byte[] buffer, int from, int length) {
        send(messageId, UplinkSegmentHeaders.SEGMENT, messageId + ":" + offset, jms -> {
            BytesMessage segment = jms.createBytesMessage();
            segment.writeBytes(buffer, from, length);
            segment.setLongProperty(UplinkSegmentHeaders.OFFSET, offset);
            return segment;
        });
    }

    /** The whole length, once a sender that deferred it knows it. */
    public void declare(String messageId, long length) {
        send(messageId, UplinkSegmentHeaders.DECLARE, messageId + ":declare", jms -> {
            Message declare = jms.createMessage();
            declare.setLongProperty(UplinkSegmentHeaders.LENGTH, length);
            return declare;
        });
    }

    /** The end signal, with the whole length and the checksum that the sender named (null when it named none). */
    public void end(String messageId, long length, String sha256) {
        send(messageId, UplinkSegmentHeaders.END, messageId + ":end", jms -> {
            Message end = jms.createMessage();
            end.setLongProperty(UplinkSegmentHeaders.LENGTH, length);
            end.setStringProperty(UplinkSegmentHeaders.SHA256, sha256);
            return end;
        });
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
        send(messageId, UplinkSegmentHeaders.ABORT, messageId + ":abort", jms -> {
            Message abort = jms.createMessage();
            abort.setStringProperty(UplinkSegmentHeaders.REJECTION, rejection.name());
            abort.setStringProperty(UplinkSegmentHeaders.REASON, reason);
            return abort;
        });
    }

    private void sendSession(String messageId, String kind, String session) {
        // A connection may suspend or resume a message more than once; each marker is its own.
        send(messageId, kind, messageId + ":" + kind + ":" + UUID.randomUUID(), jms -> {
            Message marker = jms.createMessage();
            marker.setStringProperty(UplinkSegmentHeaders.SESSION, session);
            return marker;
        });
    }

    private void send(String messageId, String kind, String duplicateId, Part part) {
        try (JMSContext jms = connections.createContext()) {
            Message message = part.build(jms);
            message.setStringProperty(UplinkSegmentHeaders.KIND, kind);
            message.setStringProperty(UplinkSegmentHeaders.MESSAGE_ID, messageId);
            message.setStringProperty(UplinkSegmentHeaders.GROUP_ID, messageId);
            message.setStringProperty(UplinkSegmentHeaders.DUPLICATE_ID, duplicateId);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(uplinkSegments, message);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the " + kind + " part of message " + messageId, e);
        }
    }

    /** One kind of part, built in the context that sends it. */
    @FunctionalInterface
    private interface Part {
        Message build(JMSContext jms) throws JMSException;
    }
}

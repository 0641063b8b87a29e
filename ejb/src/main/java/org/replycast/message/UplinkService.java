package org.replycast.message;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.replycast.call.ConnectedCall;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.persistence.IdentifierRule;

/**
 * The gateway side of the reply pipeline, for every gateway (WebSocket, tus): opens a reply for a connected
 * call, puts its bytes on the queue {@code UplinkSegments} in segments of at most {@link #SEGMENT_BYTES}, each
 * durable when {@code append} returns (so its offset may be acknowledged), ends, aborts or suspends it, and
 * lets a new connection resume it at the offset that the storage side has durably taken. Refusals are {@link
 * UplinkRefusal}s with a stable code.
 */
@Stateless
public class UplinkService {

    /** The largest segment: one WebSocket frame, one JMS message. */
    public static final int SEGMENT_BYTES = 1024 * 1024;

    // The storage side takes a resume marker after the parts before it, normally within milliseconds.
    static final Duration RESUME_PATIENCE = Duration.ofSeconds(30);
    private static final long RESUME_POLL_MILLIS = 20;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    UplinkSegmentPublisher publisher;

    @Inject
    MessageScheduler scheduler;

    @Inject
    MessageFiles files;

    @Inject
    Event<MessageChanged> changes;

    /**
     * The start signal: a new message {@code RECEIVING} for the call's channel and destination terminal, its
     * start marker on the queue and its idle timer, all in one transaction.
     *
     * @param title the sender's title; null or blank for none
     * @param declaredBytes the whole length when the sender knows it up front, else null
     * @param session the connection that sends it, which a later resume takes over from
     */
    public Uplink open(ConnectedCall call, String contentType, String title, Long declaredBytes, String session) {
        Channel channel = channels.findById(call.channelId())
                .orElseThrow(() -> new UplinkRefusal(UplinkRefusal.NOT_FOUND, "The call's channel is gone."));
        if (declaredBytes != null && declaredBytes > channel.getMaxMessageBytes()) {
            throw new UplinkRefusal(MessageRejection.TOO_LARGE, tooLarge(channel.getMaxMessageBytes()));
        }
        String messageId = UUID.randomUUID().toString();
        Message message;
        try {
            message = new Message(
                    messageId,
                    call.callId(),
                    call.channelId(),
                    call.terminalId(),
                    contentType,
                    title == null || title.isBlank() ? null : title,
                    Instant.now());
            message.receive(files.partOf(call.channelId(), messageId), session, declaredBytes);
        } catch (IllegalArgumentException broken) {
            throw new UplinkRefusal(UplinkRefusal.INVALID, broken.getMessage() + ".");
        }
        messages.persist(message);
        publisher.start(messageId);
        scheduler.watch(messageId);
        changes.fire(MessageChanged.of(message));
        return new Uplink(messageId, channel.getMaxMessageBytes(), declaredBytes, 0);
    }

    /**
     * Puts one segment on the queue at the offset; it is durable when this returns. A segment beyond the
     * channel's (or the declared) size drops the message.
     *
     * @return the offset after the segment, which the sender may be told is durably accepted
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long append(Uplink uplink, long offset, byte[] bytes, int from, int length) {
        if (length > SEGMENT_BYTES) {
            // A gateway refuses a larger frame itself (frame-too-large); a stream is cut into segments here.
            throw new IllegalArgumentException("a segment has at most " + SEGMENT_BYTES + " bytes");
        }
        long end = offset + length;
        if (end > uplink.maxBytes()) {
            throw drop(uplink.messageId(), MessageRejection.TOO_LARGE, tooLarge(uplink.maxBytes()));
        }
        if (uplink.declaredBytes() != null && end > uplink.declaredBytes()) {
            throw drop(
                    uplink.messageId(),
                    MessageRejection.TOO_LARGE,
                    "The message has more bytes than the " + uplink.declaredBytes() + " declared.");
        }
        if (length > 0) {
            publisher.segment(uplink.messageId(), offset, bytes, from, length);
        }
        return end;
    }

    /**
     * Puts the stream's bytes on the queue from the offset, in segments of at most {@link #SEGMENT_BYTES}
     * (never more in memory), each durable when sent.
     *
     * @return the offset after the last byte read; on an exception, the segments before it are durable
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long append(Uplink uplink, long offset, InputStream bytes) throws IOException {
        byte[] buffer = new byte[SEGMENT_BYTES];
        long position = offset;
        int read;
        while ((read = bytes.readNBytes(buffer, 0, buffer.length)) > 0) {
            position = append(uplink, position, buffer, 0, read);
        }
        return position;
    }

    /** The end signal, with the whole length and the lower-case or upper-case hex SHA-256 of the message. */
    public void end(Uplink uplink, long length, String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new UplinkRefusal(UplinkRefusal.INVALID, "sha256 must be the 64 hex digits of the SHA-256.");
        }
        publisher.end(uplink.messageId(), length, sha256.toLowerCase(Locale.ROOT));
    }

    /** The sender (or the gateway, for the reason given) drops the message. */
    public void abort(String messageId, MessageRejection rejection, String reason) {
        publisher.abort(messageId, rejection, reason);
    }

    /** The connection dropped before the end: the message becomes {@code INCOMPLETE} and waits for a resume. */
    public void suspend(String messageId, String session) {
        publisher.suspend(messageId, session);
    }

    /**
     * A new connection of the call continues a message: once the storage side has taken every part sent
     * before, the message is {@code RECEIVING} again, at the offset of the bytes it has durably taken.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Uplink resume(ConnectedCall call, String messageId, String session) {
        Message message = continuable(call, messageId);
        long maxBytes = channels.findById(message.getChannelId())
                .map(Channel::getMaxMessageBytes)
                .orElseThrow(() -> new UplinkRefusal(UplinkRefusal.NOT_FOUND, "The call's channel is gone."));
        publisher.resume(messageId, session);
        Instant deadline = Instant.now().plus(RESUME_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            message = continuable(call, messageId);
            if (session.equals(message.getUplinkSession()) && message.getState() == MessageState.RECEIVING) {
                return new Uplink(messageId, maxBytes, message.getDeclaredBytes(), message.getBytes());
            }
            pause();
        }
        throw new UplinkRefusal(
                UplinkRefusal.NOT_RESUMABLE,
                "The message could not be taken over in time; resume" + " it again in a moment.");
    }

    /** The message as it is now, for a gateway that waits for the outcome of its end signal. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Message> find(String messageId) {
        return messages.findById(messageId);
    }

    private Message continuable(ConnectedCall call, String messageId) {
        Message message = (IdentifierRule.isValid(messageId) ? messages.findById(messageId) : Optional.<Message>empty())
                .filter(found -> found.getCallId().equals(call.callId()))
                .orElseThrow(() -> new UplinkRefusal(UplinkRefusal.NOT_FOUND, "This call sent no such message."));
        if (!message.isContinuable()) {
            throw new UplinkRefusal(
                    UplinkRefusal.NOT_RESUMABLE,
                    "The message is " + message.getState() + (message.getExpiredAt() != null ? " and was given up" : "")
                            + "; it cannot be continued.");
        }
        return message;
    }

    private UplinkRefusal drop(String messageId, MessageRejection rejection, String reason) {
        publisher.abort(messageId, rejection, reason);
        return new UplinkRefusal(rejection, reason);
    }

    private static String tooLarge(long maxBytes) {
        return "The message is larger than the " + maxBytes + " bytes its channel takes.";
    }

    private static void pause() {
        try {
            Thread.sleep(RESUME_POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UplinkRefusal(UplinkRefusal.NOT_RESUMABLE, "The server is stopping.");
        }
    }
}

package org.replycast.message;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.media.FfmpegInstallation;
import org.replycast.media.MediaProbe;
import org.replycast.media.ProbedMedia;

/**
 * The storage server: takes the parts of reply messages in order as {@code UplinkSegmentConsumer} hands them
 * over, appends the bytes to the message's file (forced to the disk before the part is acknowledged; the file's
 * length counts the bytes received, and the row takes the count only at the steps that need it), and at the
 * end marker checks the SHA-256 (computed while the bytes were appended, {@link ReceivedDigests}), probes the
 * content and stores or rejects it; a stored reply's display copy is then asked of {@code MediaJobs} ({@link
 * MediaJobPublisher}). Every step is idempotent: a part that was already taken changes nothing, and a segment
 * beyond the bytes taken (a gap) throws: the parts come in order, so a gap means an earlier part was
 * dead-lettered, and this one follows it there.
 */
@Stateless
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    MessageFiles files;

    @Inject
    ReceivedDigests digests;

    @Inject
    Event<MessageChanged> changes;

    @Inject
    Event<ReplyStored> storedReplies;

    /** The start marker: creates the message's empty file. */
    public void begin(String messageId) throws IOException {
        Message message = require(messageId);
        if (message.getState() == MessageState.RECEIVING) {
            files.create(message.getMediaPath());
        }
    }

    /**
     * A segment: writes its bytes at its offset, and counts those beyond the bytes already taken into the
     * reply's digest. Without a transaction: the message is only read, and the file is the count. A segment of
     * a message that can no longer continue (refused, stored or given up) is dropped with a log line, as its
     * sender has already been told.
     *
     * @throws IllegalStateException for a gap, which writes nothing
     * @throws IllegalArgumentException for bytes beyond the declared length
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void append(String messageId, long offset, byte[] segment) throws IOException {
        Message message = require(messageId);
        if (message.getState() != MessageState.RECEIVING) {
            LOG.info(
                    () -> "message " + messageId + " is " + message.getState() + ": segment at " + offset + " dropped");
            return;
        }
        if (message.getDeclaredBytes() != null && offset + segment.length > message.getDeclaredBytes()) {
            throw new IllegalArgumentException("message " + messageId + " declared " + message.getDeclaredBytes()
                    + " bytes; the segment at " + offset + " goes beyond them");
        }
        long taken = files.write(message.getMediaPath(), offset, segment);
        long known = taken - offset;
        if (known < segment.length) {
            digests.appended(messageId, taken, segment, (int) known, segment.length - (int) known);
        }
    }

    /**
     * The end marker: {@code STORED} when every byte is here, its SHA-256 is the one named, and the prober
     * finds audio or video within the channel's limits; {@code REJECTED} with the reason otherwise.
     *
     * @throws IllegalStateException when bytes before the end are missing
     */
    public void end(String messageId, long length, String sha256) throws IOException {
        Message message = require(messageId);
        if (message.getState() != MessageState.RECEIVING) {
            LOG.info(() -> "message " + messageId + " is " + message.getState() + ": end marker dropped");
            return;
        }
        String stored = files.storedOf(message.getChannelId(), messageId);
        if (!files.exists(message.getMediaPath()) && files.exists(stored)) {
            // An earlier attempt renamed the file, but its transaction did not commit.
            message.moveBytes(stored);
        }
        long received = files.length(message.getMediaPath());
        if (received < length) {
            throw new IllegalStateException(
                    "message " + messageId + " has " + received + " of " + length + " bytes at its end marker");
        }
        message.countReceived(received);
        Optional<Channel> found = channels.findById(message.getChannelId());
        if (found.isEmpty()) {
            reject(message, MessageRejection.ABORTED, "The channel was removed before the reply ended.");
            return;
        }
        Channel channel = found.get();
        String digest = digests.take(messageId, length).orElse(null);
        if (digest == null) {
            digest = files.sha256(message.getMediaPath());
        }
        if (refused(message, length, sha256, digest, channel)) {
            return;
        }
        ProbedMedia probed = probe(message);
        if (!probed.isAudioOrVideo()) {
            reject(
                    message,
                    MessageRejection.NOT_MEDIA,
                    "The content is not audio or video (the media prober found "
                            + (probed.container() == null ? "no media format" : "no playable stream") + ").");
            return;
        }
        Duration duration = probed.duration().orElseThrow();
        if (duration.compareTo(Duration.ofSeconds(channel.getMaxMessageSeconds())) > 0) {
            reject(
                    message,
                    MessageRejection.TOO_LONG,
                    "The message plays " + duration.toSeconds() + " s; the channel takes at most "
                            + channel.getMaxMessageSeconds() + " s.");
            return;
        }
        if (!message.getMediaPath().equals(stored)) {
            files.move(message.getMediaPath(), stored);
            message.moveBytes(stored);
        }
        message.store(length, digest, duration.toMillis(), Instant.now());
        // The announcement first: the sender waits for it, not for the display copy's job. Observers after success
        // join the transaction in the order fired; that Narayana then calls them in that order is not tested here.
        changes.fire(MessageChanged.of(message));
        storedReplies.fire(new ReplyStored(messageId, !probed.videoCodecs().isEmpty()));
        LOG.info(() -> "message " + messageId + " stored: " + length + " bytes, " + probed.container() + " "
                + probed.videoCodecs() + probed.audioCodecs() + ", " + duration.toMillis() + " ms");
    }

    /** Records the display copy that {@link DisplayCopyService} made of a stored message. */
    public void recordDisplayCopy(String messageId, String playablePath, String thumbnailPath, boolean hasVideo) {
        require(messageId).recordDisplayCopy(playablePath, thumbnailPath, hasVideo);
    }

    /** A length marker: the sender of a deferred length names it. */
    public void declare(String messageId, long length) throws IOException {
        Message message = require(messageId);
        if (message.getState() != MessageState.RECEIVING) {
            return;
        }
        try {
            message.countReceived(files.length(message.getMediaPath()));
            message.declareLength(length);
        } catch (IllegalArgumentException contradiction) {
            reject(
                    message,
                    MessageRejection.TOO_LARGE,
                    "The declared length does not hold: " + contradiction.getMessage() + ".");
        }
    }

    /** A resume marker: the connection named takes the message over, unless it can no longer continue. */
    public void takeUplink(String messageId, String session) throws IOException {
        Message message = require(messageId);
        if (!message.isContinuable()) {
            LOG.info(() -> "message " + messageId + " is " + message.getState() + ": resume dropped");
            return;
        }
        MessageState before = message.getState();
        message.takeUplink(session);
        message.countReceived(files.length(message.getMediaPath()));
        if (before != message.getState()) {
            changes.fire(MessageChanged.of(message));
        }
        LOG.info(() -> "message " + messageId + " resumed at " + message.getBytes() + " bytes");
    }

    /** A suspend marker: {@code INCOMPLETE}, unless another connection has taken the message over meanwhile. */
    public void suspend(String messageId, String session) throws IOException {
        Message message = require(messageId);
        if (message.getState() != MessageState.RECEIVING || !session.equals(message.getUplinkSession())) {
            return;
        }
        message.countReceived(files.length(message.getMediaPath()));
        message.markIncomplete();
        changes.fire(MessageChanged.of(message));
        LOG.info(() -> "message " + messageId + " incomplete at " + message.getBytes() + " bytes");
    }

    /** An abort marker: the message is dropped with its bytes. */
    public void abort(String messageId, MessageRejection rejection, String reason) throws IOException {
        Message message = require(messageId);
        if (message.getState() != MessageState.RECEIVING) {
            return;
        }
        reject(message, rejection, reason);
    }

    /**
     * Gives up a message whose sender has done nothing for the time given: {@code INCOMPLETE} for good, its
     * bytes removed.
     *
     * @return when to look again, if the sender was active since
     */
    public Optional<Instant> expireIfIdle(String messageId, Duration idleTime) throws IOException {
        Optional<Message> found = messages.findById(messageId);
        if (found.isEmpty() || !found.get().isContinuable()) {
            return Optional.empty();
        }
        Message message = found.get();
        Instant due = lastActive(message).plus(idleTime);
        Instant now = Instant.now();
        if (due.isAfter(now)) {
            return Optional.of(due);
        }
        if (message.getMediaPath() != null) {
            files.delete(message.getMediaPath());
        }
        digests.forget(messageId);
        message.expire(now);
        changes.fire(MessageChanged.of(message));
        LOG.info(() -> "message " + messageId + " given up after " + idleTime + " without its sender");
        return Optional.empty();
    }

    /** When the sender last did something: its row changed, or a part of it was written. */
    private Instant lastActive(Message message) throws IOException {
        Instant written = message.getMediaPath() == null ? null : files.modifiedAt(message.getMediaPath());
        return written != null && written.isAfter(message.getUpdatedAt()) ? written : message.getUpdatedAt();
    }

    /**
     * Rejects the message when its bytes are not those announced or too many for its channel.
     *
     * @param sha256 what the sender named, or null when it named no checksum (tus checks each PATCH instead)
     * @param received the SHA-256 of the bytes as stored
     */
    private boolean refused(Message message, long length, String sha256, String received, Channel channel)
            throws IOException {
        if (message.getBytes() > channel.getMaxMessageBytes()) {
            reject(
                    message,
                    MessageRejection.TOO_LARGE,
                    "The message has " + message.getBytes() + " bytes; the channel takes at most "
                            + channel.getMaxMessageBytes() + ".");
            return true;
        }
        if (message.getBytes() != length) {
            reject(
                    message,
                    MessageRejection.CHECKSUM_MISMATCH,
                    "The end signal names " + length + " bytes, but " + message.getBytes() + " arrived.");
            return true;
        }
        if (sha256 != null && !received.equals(sha256)) {
            reject(
                    message,
                    MessageRejection.CHECKSUM_MISMATCH,
                    "The SHA-256 of the bytes received is not the one that the end signal names.");
            return true;
        }
        return false;
    }

    private void reject(Message message, MessageRejection rejection, String reason) throws IOException {
        if (message.getMediaPath() != null) {
            files.delete(message.getMediaPath());
        }
        digests.forget(message.getMessageId());
        message.reject(rejection, reason);
        message.discardBytes();
        changes.fire(MessageChanged.of(message));
        LOG.info(() -> "message " + message.getMessageId() + " rejected (" + rejection.code() + ")");
    }

    private ProbedMedia probe(Message message) throws IOException {
        return new MediaProbe(new FfmpegInstallation(), PROBE_TIMEOUT).probe(files.resolve(message.getMediaPath()));
    }

    /**
     * The message of a part; the gateway creates it before it sends any part, so a missing one is poison.
     *
     * @throws IllegalArgumentException so the part goes to the dead-letter queue
     */
    private Message require(String messageId) {
        return messages.findById(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
    }
}

package org.replycast.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.replycast.persistence.IdentifierRule;
import org.replycast.persistence.TextRule;
import org.replycast.persistence.VersionedEntity;

/**
 * A reply message sent by a call's destination terminal, with where its bytes are ({@link MessageState})
 * and whether it may be shown ({@link ModerationState}). The message guards its own invariants: it is
 * {@code STORED} only once, from {@code RECEIVING}, with its size and checksum, and is moderated only once
 * stored; a refused step throws {@link IllegalStateException} and changes nothing. While receiving, it knows
 * where its bytes grow ({@link #getMediaPath()}), which gateway connection sends them ({@link
 * #getUplinkSession()}), and how many the sender declared, if it did; once stored, where its display copy is
 * ({@link #recordDisplayCopy}).
 */
@Entity
@Table(name = "message")
public class Message extends VersionedEntity {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @Id
    @Column(name = "message_id", length = 64)
    private String messageId;

    @Column(name = "call_id", nullable = false, updatable = false, length = 36)
    private String callId;

    @Column(name = "channel_id", nullable = false, updatable = false, length = 64)
    private String channelId;

    @Column(name = "sender_terminal_id", nullable = false, updatable = false, length = 64)
    private String senderTerminalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private MessageState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderation", nullable = false, length = 16)
    private ModerationState moderation;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "bytes", nullable = false)
    private long bytes;

    @Column(name = "sha256", length = 64)
    private String sha256;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "stored_at")
    private Instant storedAt;

    @Column(name = "moderated_by", length = 200)
    private String moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    @Column(name = "moderation_reason", length = 1000)
    private String moderationReason;

    @Column(name = "media_path", length = 300)
    private String mediaPath;

    @Column(name = "uplink_session", length = 64)
    private String uplinkSession;

    @Column(name = "declared_bytes")
    private Long declaredBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection", length = 32)
    private MessageRejection rejection;

    @Column(name = "expired_at")
    private Instant expiredAt;

    @Column(name = "playable_path", length = 300)
    private String playablePath;

    @Column(name = "thumbnail_path", length = 300)
    private String thumbnailPath;

    @Column(name = "has_video")
    private Boolean hasVideo;

    /** For JPA. */
    protected Message() {}

    /**
     * Starts a message in state {@code RECEIVING}, moderation {@code PENDING}, with no bytes yet.
     *
     * @param title the sender's title, or null
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public Message(
            String messageId,
            String callId,
            String channelId,
            String senderTerminalId,
            String contentType,
            String title,
            Instant createdAt) {
        this.messageId = IdentifierRule.require("messageId", messageId);
        this.callId = TextRule.require("callId", callId, 36);
        this.channelId = IdentifierRule.require("channelId", channelId);
        this.senderTerminalId = IdentifierRule.require("senderTerminalId", senderTerminalId);
        this.contentType = TextRule.require("contentType", contentType, 255);
        this.title = title == null ? null : TextRule.require("title", title, 200);
        if (createdAt == null) {
            throw new IllegalArgumentException("createdAt must be given");
        }
        this.createdAt = createdAt;
        this.state = MessageState.RECEIVING;
        this.moderation = ModerationState.PENDING;
    }

    /**
     * Names where the bytes of a new message arrive, the gateway connection that sends them, and, when the
     * sender said it up front, how many there will be.
     *
     * @param mediaPath the file, relative to the data directory
     * @param declaredBytes the whole length, or null when the sender does not know it yet
     */
    public void receive(String mediaPath, String uplinkSession, Long declaredBytes) {
        requireState(MessageState.RECEIVING, "receive");
        if (bytes != 0 || this.mediaPath != null) {
            throw refused("receive again");
        }
        if (declaredBytes != null && declaredBytes < 0) {
            throw new IllegalArgumentException("declaredBytes must not be negative");
        }
        this.mediaPath = TextRule.require("mediaPath", mediaPath, 300);
        this.uplinkSession = TextRule.require("uplinkSession", uplinkSession, 64);
        this.declaredBytes = declaredBytes;
    }

    /**
     * Names the whole length later, when the sender deferred it at the start; naming the same length again
     * changes nothing.
     *
     * @throws IllegalArgumentException when another length was named, or fewer bytes than already arrived
     */
    public void declareLength(long length) {
        requireState(MessageState.RECEIVING, "declare the length of");
        if (declaredBytes != null && declaredBytes != length) {
            throw new IllegalArgumentException("the length was declared as " + declaredBytes + ", not " + length);
        }
        if (length < bytes) {
            throw new IllegalArgumentException(bytes + " bytes arrived already, more than the " + length + " declared");
        }
        declaredBytes = length;
    }

    /**
     * A gateway connection takes over the sending: a receiving message continues (its old connection is gone),
     * an {@code INCOMPLETE} one resumes, unless its bytes were given up.
     */
    public void takeUplink(String uplinkSession) {
        if (state == MessageState.INCOMPLETE) {
            resume();
        }
        requireState(MessageState.RECEIVING, "take the uplink of");
        this.uplinkSession = TextRule.require("uplinkSession", uplinkSession, 64);
    }

    /**
     * Records how many bytes the message's file durably has while it is received. The file counts them as the
     * parts arrive; the row takes the count at the steps that need it (a resume, a pause, a declared length,
     * the end), so that a part costs no database write.
     *
     * @return the bytes accepted so far, the offset a sender continues from
     * @throws IllegalArgumentException for fewer bytes than counted before, or more than declared
     */
    public long countReceived(long received) {
        requireState(MessageState.RECEIVING, "count the bytes of");
        if (received < bytes) {
            throw new IllegalArgumentException(received + " bytes received, fewer than the " + bytes + " counted");
        }
        if (declaredBytes != null && received > declaredBytes) {
            throw new IllegalArgumentException("more bytes than the " + declaredBytes + " declared");
        }
        bytes = received;
        return bytes;
    }

    /** The bytes now live at another place (relative to the data directory), as when stored ones are moved. */
    public void moveBytes(String mediaPath) {
        if (this.mediaPath == null) {
            throw refused("move the bytes of");
        }
        this.mediaPath = TextRule.require("mediaPath", mediaPath, 300);
    }

    /** The bytes of a message that is not stored were removed. */
    public void discardBytes() {
        if (state == MessageState.STORED) {
            throw refused("discard the bytes of");
        }
        mediaPath = null;
    }

    /**
     * {@code RECEIVING → STORED}: every byte is durable and the checksum matched.
     *
     * @param sha256 lower-case hex of the whole message's SHA-256
     * @param durationMs the media's duration as probed, or null if unknown
     */
    public void store(long bytes, String sha256, Long durationMs, Instant storedAt) {
        requireState(MessageState.RECEIVING, "store");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
        if (storedAt == null) {
            throw new IllegalArgumentException("storedAt must be given");
        }
        this.bytes = bytes;
        this.sha256 = sha256;
        this.durationMs = durationMs;
        this.storedAt = storedAt;
        this.state = MessageState.STORED;
    }

    /**
     * {@code RECEIVING} or {@code STORED → REJECTED}: the content is refused, for example because the media
     * prober finds no audio or video in it.
     */
    public void reject(String reason) {
        if (state != MessageState.RECEIVING && state != MessageState.STORED) {
            throw refused("reject");
        }
        this.reason = TextRule.require("reason", reason, 1000);
        this.state = MessageState.REJECTED;
    }

    /**
     * {@code RECEIVING → REJECTED} for one of the pipeline's own reasons, whose code the gateway hands to the
     * sender.
     */
    public void reject(MessageRejection rejection, String reason) {
        if (rejection == null) {
            throw new IllegalArgumentException("rejection must be given");
        }
        reject(reason);
        this.rejection = rejection;
    }

    /** {@code RECEIVING → INCOMPLETE}: the sender went away before the end signal. */
    public void markIncomplete() {
        requireState(MessageState.RECEIVING, "mark incomplete");
        state = MessageState.INCOMPLETE;
    }

    /** {@code INCOMPLETE → RECEIVING}: the sender continues where the accepted bytes end. */
    public void resume() {
        requireState(MessageState.INCOMPLETE, "resume");
        if (expiredAt != null) {
            throw refused("resume the given-up");
        }
        state = MessageState.RECEIVING;
    }

    /**
     * The sender vanished for too long: {@code RECEIVING} or {@code INCOMPLETE} becomes {@code INCOMPLETE} for
     * good, its bytes given up (the caller removes them), with a reason that says so.
     */
    public void expire(Instant at) {
        if (state == MessageState.RECEIVING) {
            markIncomplete();
        }
        requireState(MessageState.INCOMPLETE, "expire");
        if (expiredAt != null) {
            throw refused("expire again");
        }
        if (at == null) {
            throw new IllegalArgumentException("at must be given");
        }
        expiredAt = at;
        mediaPath = null;
        reason = "The sender went away before the end signal; the bytes received were removed.";
    }

    /** Whether a sender may still continue this message, on its connection or by resuming. */
    public boolean isContinuable() {
        return state == MessageState.RECEIVING || (state == MessageState.INCOMPLETE && expiredAt == null);
    }

    /**
     * Records a moderator's (or automatic moderation's) decision on a stored message. A decision may be
     * changed (an approved message taken back), but not repeated.
     *
     * @param actor who decided: a moderator's name, or {@code server} for automatic approval
     * @param reason why, or null; a rejection shown to the sender's side should say why
     * @throws IllegalStateException when the message is not stored, or already has this decision
     */
    public void moderate(ModerationState decision, String actor, String reason, Instant at) {
        if (decision != ModerationState.APPROVED && decision != ModerationState.REJECTED) {
            throw new IllegalArgumentException("moderation must be APPROVED or REJECTED");
        }
        String decidedBy = TextRule.require("actor", actor, 200);
        String why = reason == null ? null : TextRule.require("reason", reason, 1000);
        if (at == null) {
            throw new IllegalArgumentException("at must be given");
        }
        requireState(MessageState.STORED, "moderate");
        if (moderation == decision) {
            throw new IllegalStateException("Message " + messageId + " is already " + decision);
        }
        moderation = decision;
        moderatedBy = decidedBy;
        moderatedAt = at;
        moderationReason = why;
    }

    /** Notes why a stored message waits for a moderator, such as a filtered word in its title. */
    public void hold(String reason) {
        requireState(MessageState.STORED, "hold");
        if (moderation != ModerationState.PENDING) {
            throw new IllegalStateException("Message " + messageId + " is already " + moderation);
        }
        moderationReason = TextRule.require("reason", reason, 1000);
    }

    /**
     * Records the display copy of a stored message: its playable copy and thumbnail (relative to the data
     * directory) and whether it has video. Recording the same copy again changes nothing; another one is
     * refused, as the copy of the original never changes.
     */
    public void recordDisplayCopy(String playablePath, String thumbnailPath, boolean hasVideo) {
        requireState(MessageState.STORED, "record the display copy of");
        String playable = TextRule.require("playablePath", playablePath, 300);
        String thumbnail = TextRule.require("thumbnailPath", thumbnailPath, 300);
        if (hasDisplayCopy()) {
            if (!playable.equals(this.playablePath)
                    || !thumbnail.equals(this.thumbnailPath)
                    || hasVideo != this.hasVideo) {
                throw refused("record another display copy of");
            }
            return;
        }
        this.playablePath = playable;
        this.thumbnailPath = thumbnail;
        this.hasVideo = hasVideo;
    }

    /** Whether the playable copy and thumbnail are made. */
    public boolean hasDisplayCopy() {
        return playablePath != null;
    }

    private void requireState(MessageState required, String action) {
        if (state != required) {
            throw refused(action);
        }
    }

    private IllegalStateException refused(String action) {
        return new IllegalStateException("Cannot " + action + " message " + messageId + " in state " + state);
    }

    public String getMessageId() {
        return messageId;
    }

    public String getCallId() {
        return callId;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getSenderTerminalId() {
        return senderTerminalId;
    }

    public MessageState getState() {
        return state;
    }

    public ModerationState getModeration() {
        return moderation;
    }

    public String getContentType() {
        return contentType;
    }

    /** Bytes accepted so far while receiving; the whole size once stored. */
    public long getBytes() {
        return bytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public String getTitle() {
        return title;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    /** Who made the moderation decision, or null while pending. */
    public String getModeratedBy() {
        return moderatedBy;
    }

    /** When the moderation decision was made, or null while pending; the display plays in this order. */
    public Instant getModeratedAt() {
        return moderatedAt;
    }

    /** Why the message was decided on as it was, or why it waits; null when nothing was said. */
    public String getModerationReason() {
        return moderationReason;
    }

    /** Where the bytes are, relative to the data directory; null when there are none. */
    public String getMediaPath() {
        return mediaPath;
    }

    public String getUplinkSession() {
        return uplinkSession;
    }

    public Long getDeclaredBytes() {
        return declaredBytes;
    }

    /** Why the message was refused, when it was for one of the pipeline's own reasons. */
    public MessageRejection getRejection() {
        return rejection;
    }

    /** When an {@code INCOMPLETE} message's bytes were given up; null while it can be resumed. */
    public Instant getExpiredAt() {
        return expiredAt;
    }

    /** Where the playable copy is, relative to the data directory; null until it is made. */
    public String getPlayablePath() {
        return playablePath;
    }

    /** Where the thumbnail is, relative to the data directory; null until it is made. */
    public String getThumbnailPath() {
        return thumbnailPath;
    }

    /** The content type of the playable copy: MP4 with video, or audio alone; null until the copy is made. */
    public String getPlayableContentType() {
        if (playablePath == null) {
            return null;
        }
        return Boolean.TRUE.equals(hasVideo) ? "video/mp4" : "audio/mp4";
    }

    /** Whether the playable copy has video (else it is audio only); null until it is made. */
    public Boolean getHasVideo() {
        return hasVideo;
    }

    @Override
    public String toString() {
        return "Message[" + messageId + ", " + state + ", " + moderation + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && Objects.equals(messageId, that.messageId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(messageId);
    }
}

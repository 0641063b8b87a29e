package org.replycast.display;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.replycast.persistence.IdentifierRule;
import org.replycast.persistence.TextRule;
import org.replycast.persistence.VersionedEntity;

/**
 * One webhook to send to a channel's forwarding URL: the event, its body as built when the change happened,
 * and how its attempts went. It is due while {@code PENDING} and its next attempt's time has come; a sender
 * claims it for a while before sending, so that no other sender takes it meanwhile and a sender that died
 * leaves it due again.
 */
@Entity
@Table(name = "forwarding_delivery")
public class ForwardingDelivery extends VersionedEntity {

    @Id
    @Column(name = "delivery_id", length = 36)
    private String deliveryId;

    @Column(name = "message_id", nullable = false, updatable = false, length = 64)
    private String messageId;

    @Column(name = "channel_id", nullable = false, updatable = false, length = 64)
    private String channelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false, updatable = false, length = 16)
    private ForwardedEvent event;

    @Column(name = "url", nullable = false, updatable = false, length = 2048)
    private String url;

    @Column(name = "body", nullable = false, updatable = false, length = 4000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private DeliveryState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_outcome", length = 1000)
    private String lastOutcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** For JPA. */
    protected ForwardingDelivery() {}

    /**
     * A delivery due at once.
     *
     * @param url the channel's forwarding URL when the change happened
     * @param body the JSON that is sent, byte for byte, on every attempt
     */
    public ForwardingDelivery(
            String deliveryId,
            String messageId,
            String channelId,
            ForwardedEvent event,
            String url,
            String body,
            Instant createdAt) {
        this.deliveryId = TextRule.require("deliveryId", deliveryId, 36);
        this.messageId = IdentifierRule.require("messageId", messageId);
        this.channelId = IdentifierRule.require("channelId", channelId);
        this.event = Objects.requireNonNull(event, "event");
        this.url = TextRule.require("url", url, 2048);
        this.body = TextRule.require("body", body, 4000);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = createdAt;
    }

    /** Whether an attempt may start now. */
    public boolean isDue(Instant now) {
        return state == DeliveryState.PENDING && !nextAttemptAt.isAfter(now);
    }

    /**
     * Takes the delivery for one attempt: nobody else takes it until {@code until}, when it is due again unless
     * the attempt was recorded.
     *
     * @return the number of this attempt, from 1
     */
    public int claim(Instant now, Instant until) {
        if (!isDue(now)) {
            throw new IllegalStateException("Delivery " + deliveryId + " is not due");
        }
        nextAttemptAt = until;
        return attempts + 1;
    }

    /** The receiver took it: no more attempts. */
    public void delivered(String outcome, Instant at) {
        requirePending();
        attempts++;
        lastOutcome = cut(outcome);
        state = DeliveryState.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /**
     * The attempt failed: the next one at {@code retryAt}, or none when it is null.
     *
     * @param outcome what happened, such as {@code HTTP 503} or a connection error, without the URL
     */
    public void failed(String outcome, Instant retryAt) {
        requirePending();
        attempts++;
        lastOutcome = cut(outcome);
        if (retryAt == null) {
            state = DeliveryState.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    private void requirePending() {
        if (state != DeliveryState.PENDING) {
            throw new IllegalStateException("Delivery " + deliveryId + " is already " + state);
        }
    }

    private static String cut(String outcome) {
        return outcome == null || outcome.length() <= 1000 ? outcome : outcome.substring(0, 1000);
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getChannelId() {
        return channelId;
    }

    public ForwardedEvent getEvent() {
        return event;
    }

    public String getUrl() {
        return url;
    }

    public String getBody() {
        return body;
    }

    public DeliveryState getState() {
        return state;
    }

    /** Attempts made and recorded so far. */
    public int getAttempts() {
        return attempts;
    }

    /** When the next attempt may start; null once delivered or given up. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    @Override
    public String toString() {
        return "ForwardingDelivery[" + deliveryId + ", " + messageId + ", " + event + ", " + state + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForwardingDelivery that && Objects.equals(deliveryId, that.deliveryId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(deliveryId);
    }
}

package org.replycast.display;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.auth.SecretCipher;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.message.Message;
import org.replycast.message.MessageChanged;
import org.replycast.message.MessageRepository;
import org.replycast.message.MessageState;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;

/**
 * The forwarding outbox: writes a webhook for each message that is stored or approved on a channel with a
 * forwarding URL, in the transaction of that change, so that none is lost or sent for a change rolled back;
 * hands due ones to {@link ForwardingScheduler} and records how each attempt went, with one log line each.
 */
@Stateless
public class ForwardingService {

    private static final Logger LOG = Logger.getLogger(ForwardingService.class.getName());

    @Inject
    ForwardingDeliveryRepository deliveries;

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    TerminalRepository terminals;

    @Inject
    SecretCipher secretCipher;

    @Inject
    @ConfigProperty(name = "replycast.forwarding.first-retry-seconds", defaultValue = "10")
    long firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "replycast.forwarding.max-retry-seconds", defaultValue = "3600")
    long maxRetrySeconds;

    @Inject
    @ConfigProperty(name = "replycast.forwarding.max-attempts", defaultValue = "12")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "replycast.forwarding.timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    private ForwardingPolicy policy;

    @PostConstruct
    void readPolicy() {
        policy = new ForwardingPolicy(
                Duration.ofSeconds(firstRetrySeconds),
                Duration.ofSeconds(maxRetrySeconds),
                maxAttempts,
                Duration.ofSeconds(timeoutSeconds));
    }

    public ForwardingPolicy policy() {
        return policy;
    }

    /** Writes the webhook of a message's change into the outbox, once per event, in the change's transaction. */
    public void enqueue(@Observes MessageChanged change) {
        Optional<ForwardedEvent> event = eventOf(change);
        if (event.isEmpty()) {
            return;
        }
        Optional<String> url = channels.findById(change.channelId()).map(Channel::getForwardUrl);
        if (url.isEmpty() || deliveries.exists(change.messageId(), event.get())) {
            return;
        }
        Message message = messages.findById(change.messageId()).orElseThrow();
        String deliveryId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deliveries.persist(new ForwardingDelivery(
                deliveryId,
                message.getMessageId(),
                message.getChannelId(),
                event.get(),
                url.get(),
                body(deliveryId, event.get(), change, message, now),
                now));
        LOG.fine(() -> "message " + message.getMessageId() + " " + event.get().wireName() + " queued for forwarding");
    }

    /** The event a change announces: stored (still pending) or approved; other changes are not forwarded. */
    static Optional<ForwardedEvent> eventOf(MessageChanged change) {
        if (change.state() != MessageState.STORED) {
            return Optional.empty();
        }
        return switch (change.moderation()) {
            case PENDING -> Optional.of(ForwardedEvent.STORED);
            case APPROVED -> Optional.of(ForwardedEvent.APPROVED);
            case REJECTED -> Optional.empty();
        };
    }

    /**
     * The webhook's JSON: the event, the delivery's id and the message. Its state and moderation are those
     * of the change, which the message may have left already in the same transaction (approved at once).
     */
    private String body(String deliveryId, ForwardedEvent event, MessageChanged change, Message message, Instant now) {
        JsonObjectBuilder described = Json.createObjectBuilder()
                .add("messageId", message.getMessageId())
                .add("callId", message.getCallId())
                .add("channelId", message.getChannelId())
                .add("senderTerminalId", message.getSenderTerminalId());
        terminals
                .findById(message.getSenderTerminalId())
                .map(Terminal::getDisplayName)
                .ifPresent(name -> described.add("senderName", name));
        described
                .add("state", change.state().name())
                .add("moderation", change.moderation().name())
                .add("contentType", message.getContentType())
                .add("bytes", message.getBytes())
                .add("sha256", message.getSha256());
        addIfPresent(described, "durationMs", message.getDurationMs());
        addIfPresent(described, "title", message.getTitle());
        described
                .add("createdAt", message.getCreatedAt().toString())
                .add("storedAt", message.getStoredAt().toString());
        if (event == ForwardedEvent.APPROVED) {
            addIfPresent(described, "moderatedAt", message.getModeratedAt());
        }
        return Json.createObjectBuilder()
                .add("event", event.wireName())
                .add("deliveryId", deliveryId)
                .add("occurredAt", now.toString())
                .add("message", described)
                .build()
                .toString();
    }

    private static void addIfPresent(JsonObjectBuilder json, String field, Object value) {
        if (value instanceof Long number) {
            json.add(field, number);
        } else if (value != null) {
            json.add(field, value.toString());
        }
    }

    /**
     * Claims the due deliveries, at most {@code limit}, for one attempt each; in a transaction of its own, so
     * that the claims hold while the attempts run.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<DueDelivery> claimDue(int limit) {
        Instant now = Instant.now();
        List<DueDelivery> due = new ArrayList<>();
        for (ForwardingDelivery delivery : deliveries.findDue(now, limit)) {
            int attempt = delivery.claim(now, now.plus(policy.claim()));
            due.add(new DueDelivery(
                    delivery.getDeliveryId(),
                    delivery.getMessageId(),
                    delivery.getEvent(),
                    delivery.getUrl(),
                    delivery.getBody(),
                    secretOf(delivery.getChannelId()),
                    attempt));
        }
        return due;
    }

    /**
     * The channel's forwarding secret as its administrator got it; null when it has none (a channel from
     * before forwarding secrets) or was removed, and then the attempt fails until one is issued.
     */
    private String secretOf(String channelId) {
        return channels.findById(channelId)
                .map(Channel::getForwardSecretCiphertext)
                .map(ciphertext ->
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secretCipher.decrypt(ciphertext)))
                .orElse(null);
    }

    /** Records how the attempt went, and when the next one is due if it failed; one log line per attempt. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttempt(DueDelivery attempt, DeliveryOutcome outcome) {
        ForwardingDelivery delivery = deliveries.findById(attempt.deliveryId()).orElseThrow();
        String what = "forwarding message " + attempt.messageId() + " "
                + attempt.event().wireName() + " attempt " + attempt.attempt() + ": " + outcome.detail();
        Instant now = Instant.now();
        if (outcome.delivered()) {
            delivery.delivered(outcome.detail(), now);
            LOG.info(what + ", delivered");
            return;
        }
        Optional<Duration> retry = policy.retryAfter(delivery.getAttempts() + 1);
        delivery.failed(outcome.detail(), retry.map(now::plus).orElse(null));
        if (retry.isPresent()) {
            LOG.info(what + ", next attempt in " + retry.get().toSeconds() + " s");
        } else {
            LOG.warning(what + ", given up after " + delivery.getAttempts() + " attempts");
        }
    }

    /** The message's deliveries, for administrators. */
    public List<ForwardingDelivery> deliveriesOf(String messageId) {
        return deliveries.findByMessage(messageId);
    }
}

package org.replycast.channel;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;
import org.replycast.auth.SecretCipher;
import org.replycast.media.CaptureSource;
import org.replycast.media.HlsLadder;
import org.replycast.problem.EntityRules;
import org.replycast.problem.IntegrityViolation;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Creates, lists, shows, changes and removes channels; the web module's resources and the console call it.
 * Removal tells call processing through {@link ChannelRemoved}; every change goes to the audit trail.
 */
@Stateless
public class ChannelService {

    private static final Logger LOG = Logger.getLogger(ChannelService.class.getName());
    private static final String DEFAULT_SOURCE = "test";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> CAPTURE_SETTINGS = Set.of("source", "captureEnabled", "ladder");

    @Inject
    ChannelRepository channels;

    @Inject
    AuditLog auditLog;

    @Inject
    SecretCipher secretCipher;

    @Inject
    Event<ChannelRemoved> removed;

    @Inject
    Event<ChannelCaptureChanged> captureChanged;

    public List<Channel> list() {
        return channels.list();
    }

    /** @throws ProblemException {@code not-found} when there is no such channel, or it was removed */
    public Channel find(String channelId) {
        return channels.findById(channelId).orElseThrow(ChannelService::notFound);
    }

    /**
     * Creates a channel with a fresh display key and forwarding secret; the secret is in the answer and
     * nowhere else.
     *
     * @param actor the administrator's name, for the audit trail
     * @throws ProblemException {@code invalid} naming the field that breaks a rule, {@code conflict} when the
     *     channel id is taken, by a removed channel too
     */
    public CreatedChannel create(ChannelSettings settings, String actor) {
        SecretCipher.IssuedSecret forwardSecret = secretCipher.issueSecret();
        Channel channel = EntityRules.enforce(() -> {
            Channel created = new Channel(
                    settings.channelId(),
                    settings.name(),
                    settings.timeZone(),
                    settings.source() == null ? DEFAULT_SOURCE : capturable(settings.source()),
                    newDisplayKey());
            apply(settings.optionalSettings(), created);
            created.setForwardSecretCiphertext(forwardSecret.ciphertext());
            return created;
        });
        if (channels.isIdTaken(channel.getChannelId())) {
            throw taken(channel.getChannelId());
        }
        try {
            channels.persist(channel);
            channels.flush();
        } catch (PersistenceException rejected) {
            if (IntegrityViolation.isCauseOf(rejected)) {
                throw taken(channel.getChannelId()); // another request created the same id since the check above
            }
            throw rejected;
        }
        captureChanged.fire(new ChannelCaptureChanged(channel.getChannelId()));
        // The source stays out of the trail and the log: a camera URL may carry its password.
        audit("channel-created", actor, channel.getChannelId());
        LOG.info(() -> "channel " + channel.getChannelId() + " created by " + actor);
        return new CreatedChannel(channel, forwardSecret.forTerminal());
    }

    /**
     * Replaces the channel's forwarding secret, which signs its webhooks from now on (retries of earlier ones
     * too), and answers the new one, shown only here.
     *
     * @throws ProblemException {@code not-found}
     */
    public String renewForwardSecret(String channelId, String actor) {
        Channel channel = find(channelId);
        SecretCipher.IssuedSecret secret = secretCipher.issueSecret();
        channel.setForwardSecretCiphertext(secret.ciphertext());
        channels.flush();
        audit("channel-forward-secret", actor, channelId);
        LOG.info(() -> "channel " + channelId + " has a new forwarding secret from " + actor);
        return secret.forTerminal();
    }

    /** Tells whether this is a fresh install: no channel was ever created. */
    public boolean isFreshInstall() {
        return channels.noneEver();
    }

    /** The channels to be captured: not removed, capture enabled. */
    public List<Channel> listCaptured() {
        return channels.findCaptured();
    }

    /**
     * The channel if it is to be captured now; empty when it was removed or its capture is stopped. In a
     * transaction of its own: live capture asks right after a change commits, where that one is over.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Channel> findCaptured(String channelId) {
        return channels.findById(channelId).filter(Channel::isCaptureEnabled);
    }

    /**
     * Applies the changes that are given.
     *
     * @throws ProblemException {@code not-found}, or {@code invalid} naming the field that breaks a rule, and
     *     then nothing is changed
     */
    public Channel update(String channelId, ChannelChanges changes, String actor) {
        Channel channel = find(channelId);
        List<String> changed = EntityRules.enforce(() -> apply(changes, channel));
        channels.flush();
        if (changed.stream().anyMatch(CAPTURE_SETTINGS::contains)) {
            captureChanged.fire(new ChannelCaptureChanged(channelId));
        }
        if (!changed.isEmpty()) {
            audit("channel-updated", actor, channelId + ": " + String.join(", ", changed));
            LOG.info(() -> "channel " + channelId + " updated by " + actor + ": " + String.join(", ", changed));
        }
        return channel;
    }

    /**
     * Removes the channel for good, ending its calls through {@link ChannelRemoved}; its history stays and
     * its id is never handed out again. Holds the channel's lock, as call admission does, so that no call is
     * admitted to it meanwhile.
     */
    public void remove(String channelId, String actor) {
        Channel channel = channels.findByIdForUpdate(channelId).orElseThrow(ChannelService::notFound);
        channel.remove(Instant.now());
        removed.fire(new ChannelRemoved(channelId));
        captureChanged.fire(new ChannelCaptureChanged(channelId));
        channels.flush();
        audit("channel-removed", actor, channelId);
        LOG.info(() -> "channel " + channelId + " removed by " + actor);
    }

    /** Sets the values that are given; returns the names of the fields it set. */
    private static List<String> apply(ChannelChanges changes, Channel channel) {
        List<String> changed = new ArrayList<>();
        change("name", changes.name(), channel::setName, changed);
        change("place", changes.place(), place -> channel.setPlace(place.orElse(null)), changed);
        change("timeZone", changes.timeZone(), channel::setTimeZone, changed);
        change("source", changes.source(), source -> channel.setSource(capturable(source)), changed);
        change("maxConnectedCalls", changes.maxConnectedCalls(), channel::setMaxConnectedCalls, changed);
        change("maxCallSeconds", changes.maxCallSeconds(), channel::setMaxCallSeconds, changed);
        change("maxMessageBytes", changes.maxMessageBytes(), channel::setMaxMessageBytes, changed);
        change("maxMessageSeconds", changes.maxMessageSeconds(), channel::setMaxMessageSeconds, changed);
        change("moderation", changes.moderation(), channel::setModeration, changed);
        change("forwardUrl", changes.forwardUrl(), url -> channel.setForwardUrl(url.orElse(null)), changed);
        change("captureEnabled", changes.captureEnabled(), channel::setCaptureEnabled, changed);
        change(
                "ladder",
                changes.ladder(),
                ladder ->
                        channel.setLadder(ladder.map(ChannelService::encodable).orElse(null)),
                changed);
        change("titleFilter", changes.titleFilter(), channel::setTitleFilter, changed);
        return changed;
    }

    /** The source as given, once the capture has said that it can read it. */
    private static String capturable(String source) {
        CaptureSource.parse(source);
        return source;
    }

    /** The ladder as given, once the capture has said that it can encode it. */
    private static String encodable(String ladder) {
        HlsLadder.parse(ladder);
        return ladder;
    }

    /** Sets a given value and notes the field as changed; a null value is not given. */
    private static <T> void change(String field, T value, Consumer<T> setter, List<String> changed) {
        if (value != null) {
            setter.accept(value);
            changed.add(field);
        }
    }

    private void audit(String code, String actor, String detail) {
        auditLog.record(AuditKind.ADMINISTRATION, code, actor, null, null, detail);
    }

    private static ProblemException notFound() {
        // The id is not repeated: it may be long or arbitrary input, and the problem's instance names the path.
        return new ProblemException(ProblemType.NOT_FOUND, "There is no channel with this id.");
    }

    private static ProblemException taken(String channelId) {
        return new ProblemException(ProblemType.CONFLICT, "The channel id " + channelId + " is already taken.");
    }

    private static String newDisplayKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}

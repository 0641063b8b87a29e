package org.replycast.channel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** Creates, lists and shows channels; the web module's resources and the console call it. */
@Stateless
public class ChannelService {

    private static final Logger LOG = Logger.getLogger(ChannelService.class.getName());
    private static final String DEFAULT_SOURCE = "test";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ChannelRepository channels;

    public List<Channel> list() {
        return channels.list();
    }

    public Channel find(String channelId) {
        return channels.findById(channelId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No channel " + channelId + "."));
    }

    /**
     * Creates a channel with a fresh display key.
     *
     * @throws ProblemException {@code invalid} naming the field that breaks a rule, {@code conflict} when the
     *     channel id is taken
     */
    public Channel create(ChannelSettings settings) {
        if (channels.findById(settings.channelId()).isPresent()) {
            throw taken(settings.channelId());
        }
        Channel channel = validated(() -> {
            Channel created = new Channel(
                    settings.channelId(),
                    settings.name(),
                    settings.timeZone(),
                    settings.source() == null ? DEFAULT_SOURCE : settings.source(),
                    newDisplayKey());
            apply(settings, created);
            return created;
        });
        try {
            channels.persist(channel);
            channels.flush();
        } catch (PersistenceException rejected) {
            if (isIntegrityViolation(rejected)) {
                throw taken(settings.channelId()); // another request created the same id since the check above
            }
            throw rejected;
        }
        LOG.info(() -> "channel " + channel.getChannelId() + " created, source " + channel.getSource());
        return channel;
    }

    private static void apply(ChannelSettings settings, Channel channel) {
        setIfGiven(settings.place(), channel::setPlace);
        setIfGiven(settings.maxConnectedCalls(), channel::setMaxConnectedCalls);
        setIfGiven(settings.maxCallSeconds(), channel::setMaxCallSeconds);
        setIfGiven(settings.maxMessageBytes(), channel::setMaxMessageBytes);
        setIfGiven(settings.maxMessageSeconds(), channel::setMaxMessageSeconds);
        setIfGiven(settings.moderation(), channel::setModeration);
        setIfGiven(settings.forwardUrl(), channel::setForwardUrl);
    }

    private static <T> void setIfGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** Runs entity construction, turning a broken invariant into an {@code invalid} problem. */
    private static <T> T validated(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException broken) {
            throw new ProblemException(ProblemType.INVALID, broken.getMessage());
        }
    }

    /** SQL state class 23 is an integrity constraint violation, the same in H2 and PostgreSQL. */
    private static boolean isIntegrityViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
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

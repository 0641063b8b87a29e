package org.replycast.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stores {@link Channel}s; a CDI bean in the server, or built on a given {@link EntityManager}
 * elsewhere. Transactions belong to the caller.
 */
@ApplicationScoped
public class ChannelRepository {

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected ChannelRepository() {}

    public ChannelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The channel with this id, unless it was removed. */
    public Optional<Channel> findById(String channelId) {
        return Optional.ofNullable(entityManager.find(Channel.class, channelId))
                .filter(channel -> !channel.isRemoved());
    }

    /**
     * The channel with this id, unless it was removed, locked until the transaction ends: whoever counts or
     * changes the channel's connected calls holds this lock, so capacity holds under concurrency.
     */
    public Optional<Channel> findByIdForUpdate(String channelId) {
        return Optional.ofNullable(entityManager.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE))
                .filter(channel -> !channel.isRemoved());
    }

    /** Tells whether the id belongs to a channel, removed ones included: ids are never handed out twice. */
    public boolean isIdTaken(String channelId) {
        return entityManager.find(Channel.class, channelId) != null;
    }

    /** All channels that are not removed, ordered by id. */
    public List<Channel> list() {
        return entityManager
                .createQuery("select c from Channel c where c.removedAt is null order by c.channelId", Channel.class)
                .getResultList();
    }

    /** The channels, not removed, whose live distribution is in the given state, ordered by id. */
    public List<Channel> findByStatus(ChannelStatus status) {
        return entityManager
                .createQuery(
                        "select c from Channel c where c.removedAt is null and c.status = :status order by c.channelId",
                        Channel.class)
                .setParameter("status", status)
                .getResultList();
    }

    public void persist(Channel channel) {
        entityManager.persist(channel);
    }

    /** Writes pending changes now, so a broken constraint shows here rather than at commit. */
    public void flush() {
        entityManager.flush();
    }
}

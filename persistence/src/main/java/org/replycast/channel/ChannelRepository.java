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

    /** Tells whether no channel was ever created, removed ones included. */
    public boolean noneEver() {
        return entityManager
                        .createQuery("select count(c) from Channel c", Long.class)
                        .getSingleResult()
                == 0;
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

    /** The channels, not removed, that are to be captured, ordered by id. */
    /** The channels that keep their messages for a limited time, removed ones too (their messages age alike). */
    public List<Channel> findWithRetention() {
        return entityManager
                .createQuery(
                        "select c from Channel c where c.retentionDays is not null order by c.channelId", Channel.class)
                .getResultList();
    }

    public List<Channel> findCaptured() {
        return entityManager
                .createQuery(
                        "select c from Channel c where c.removedAt is null and c.captureEnabled = true"
                                + " order by c.channelId",
                        Channel.class)
                .getResultList();
    }

    /**
     * Records the capture's state without touching the channel's version, so that a status report and an
     * administrator's change never make each other fail; the detail is cut to what the column holds.
     *
     * @return whether the channel was there (not removed) to record it
     */
    public boolean recordStatus(String channelId, ChannelStatus status, String detail) {
        return entityManager
                        .createQuery("update Channel c set c.status = :status, c.statusDetail = :detail"
                                + " where c.channelId = :channelId and c.removedAt is null")
                        .setParameter("status", status)
                        .setParameter(
                                "detail",
                                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                        .setParameter("channelId", channelId)
                        .executeUpdate()
                == 1;
    }

    public void persist(Channel channel) {
        entityManager.persist(channel);
    }

    /** Writes pending changes now, so a broken constraint shows here rather than at commit. */
    public void flush() {
        entityManager.flush();
    }
}

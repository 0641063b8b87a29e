package org.replycast.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    public Optional<Channel> findById(String channelId) {
        return Optional.ofNullable(entityManager.find(Channel.class, channelId));
    }

    /** All channels, ordered by id. */
    public List<Channel> list() {
        return entityManager
                .createQuery("select c from Channel c order by c.channelId", Channel.class)
                .getResultList();
    }

    /** The channels whose live distribution is in the given state, ordered by id. */
    public List<Channel> findByStatus(ChannelStatus status) {
        return entityManager
                .createQuery("select c from Channel c where c.status = :status order by c.channelId", Channel.class)
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

    public void remove(Channel channel) {
        entityManager.remove(channel);
    }
}

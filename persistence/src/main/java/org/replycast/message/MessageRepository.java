package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stores {@link Message}s: by id, by sender (a terminal's own messages) and by channel and
 * moderation (what a display page may play). A CDI bean in the server, or built on a given {@link
 * EntityManager} elsewhere; transactions belong to the caller.
 */
@ApplicationScoped
public class MessageRepository {

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected MessageRepository() {}

    public MessageRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Message> findById(String messageId) {
        return Optional.ofNullable(entityManager.find(Message.class, messageId));
    }

    /** All messages, oldest first. */
    public List<Message> list() {
        return entityManager
                .createQuery("select m from Message m order by m.createdAt, m.messageId", Message.class)
                .getResultList();
    }

    public void persist(Message message) {
        entityManager.persist(message);
    }

    /** The terminal's own messages, oldest first. */
    public List<Message> findBySender(String senderTerminalId) {
        return entityManager
                .createQuery(
                        "select m from Message m where m.senderTerminalId = :sender order by m.createdAt, m.messageId",
                        Message.class)
                .setParameter("sender", senderTerminalId)
                .getResultList();
    }

    /** The channel's stored messages with the moderation decision, oldest first. */
    public List<Message> findStoredByChannelAndModeration(String channelId, ModerationState moderation) {
        return entityManager
                .createQuery(
                        "select m from Message m where m.channelId = :channelId and m.moderation = :moderation"
                                + " and m.state = :stored order by m.createdAt, m.messageId",
                        Message.class)
                .setParameter("channelId", channelId)
                .setParameter("moderation", moderation)
                .setParameter("stored", MessageState.STORED)
                .getResultList();
    }
}

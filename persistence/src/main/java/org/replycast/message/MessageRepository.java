package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The channel's approved stored messages in the order of their approval, after the given one (from the
     * first when it is null): what a display plays, and what it missed while it was away.
     */
    public List<Message> findApprovedAfter(String channelId, Message after, int limit) {
        String cursor =
                after == null ? "" : " and (m.moderatedAt > :at or (m.moderatedAt = :at and m.messageId > :id))";
        var query = entityManager
                .createQuery(
                        "select m from Message m where m.channelId = :channelId and m.moderation = :approved"
                                + " and m.state = :stored" + cursor + " order by m.moderatedAt, m.messageId",
                        Message.class)
                .setParameter("channelId", channelId)
                .setParameter("approved", ModerationState.APPROVED)
                .setParameter("stored", MessageState.STORED)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("at", after.getModeratedAt()).setParameter("id", after.getMessageId());
        }
        return query.getResultList();
    }

    /** A page of the messages, oldest first, of one channel, state and moderation where those are given. */
    public List<Message> page(String channelId, MessageState state, ModerationState moderation, int offset, int limit) {
        return filtered("select m", channelId, state, moderation, " order by m.createdAt, m.messageId", Message.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many messages {@link #page} pages through. */
    public long count(String channelId, MessageState state, ModerationState moderation) {
        return filtered("select count(m)", channelId, state, moderation, "", Long.class)
                .getSingleResult();
    }

    // Only the given conditions go into the query: PostgreSQL cannot type a parameter that is only compared to null.
    private <T> TypedQuery<T> filtered(
            String select,
            String channelId,
            MessageState state,
            ModerationState moderation,
            String order,
            Class<T> type) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("channelId", channelId);
        given.put("state", state);
        given.put("moderation", moderation);
        given.values().removeIf(Objects::isNull);
        String where = given.keySet().stream()
                .map(field -> "m." + field + " = :" + field)
                .collect(Collectors.joining(" and ", " where ", ""));
        TypedQuery<T> query =
                entityManager.createQuery(select + " from Message m" + (given.isEmpty() ? "" : where) + order, type);
        given.forEach(query::setParameter);
        return query;
    }
}

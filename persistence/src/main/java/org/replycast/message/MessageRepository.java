package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.replycast.persistence.GivenConditions;

/**
 * Finds, stores and removes {@link Message}s: by id, by sender (a terminal's own messages), by channel and
 * moderation (what a display page may play), and what retention and quotas remove. A CDI bean in the server, or built on a given {@link
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

    public void remove(Message message) {
        entityManager.remove(message);
    }

    public void flush() {
        entityManager.flush();
    }

    /**
     * The channel's finished messages (stored, rejected, or given up for good: none that a sender may still
     * continue) created before the cutoff, oldest first: what its retention removes.
     */
    public List<Message> findFinishedCreatedBefore(String channelId, Instant cutoff, int limit) {
        return entityManager
                .createQuery(
                        "select m from Message m where m.channelId = :channelId and m.createdAt < :cutoff"
                                + " and (m.state in (:stored, :rejected) or (m.state = :incomplete and m.expiredAt is not null))"
                                + " order by m.createdAt, m.messageId",
                        Message.class)
                .setParameter("channelId", channelId)
                .setParameter("cutoff", cutoff)
                .setParameter("stored", MessageState.STORED)
                .setParameter("rejected", MessageState.REJECTED)
                .setParameter("incomplete", MessageState.INCOMPLETE)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many replies the channel received since the instant, whatever became of them since. */
    public long countCreatedSince(String channelId, Instant since) {
        return entityManager
                .createQuery(
                        "select count(m) from Message m where m.channelId = :channelId and m.createdAt >= :since",
                        Long.class)
                .setParameter("channelId", channelId)
                .setParameter("since", since)
                .getSingleResult();
    }

    /**
     * Each sender's stored bytes with the quota of its own terminal (null when it has none), for the senders
     * that have stored messages, in terminal id order.
     */
    public List<StoredBytes> storedBytesBySender() {
        return entityManager
                .createQuery(
                        "select new org.replycast.message.StoredBytes(m.senderTerminalId, sum(m.bytes), t.quotaBytes)"
                                + " from Message m join Terminal t on t.terminalId = m.senderTerminalId"
                                + " where m.state = :stored group by m.senderTerminalId, t.quotaBytes"
                                + " order by m.senderTerminalId",
                        StoredBytes.class)
                .setParameter("stored", MessageState.STORED)
                .getResultList();
    }

    /** The terminal's stored messages, the earliest stored first: what its quota removes first. */
    public List<Message> findEarliestStoredBySender(String senderTerminalId, int limit) {
        return entityManager
                .createQuery(
                        "select m from Message m where m.senderTerminalId = :sender and m.state = :stored"
                                + " order by m.storedAt, m.messageId",
                        Message.class)
                .setParameter("sender", senderTerminalId)
                .setParameter("stored", MessageState.STORED)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Stored messages whose display copy is not recorded, the latest stored first. */
    public List<Message> findStoredWithoutDisplayCopy(int limit) {
        return entityManager
                .createQuery(
                        "select m from Message m where m.state = :stored and m.playablePath is null"
                                + " order by m.storedAt desc, m.messageId",
                        Message.class)
                .setParameter("stored", MessageState.STORED)
                .setMaxResults(limit)
                .getResultList();
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

    /** A page of the messages that pass the filter, oldest first. */
    public List<Message> page(MessageFilter filter, int offset, int limit) {
        return filtered("select m", filter, " order by m.createdAt, m.messageId", Message.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many messages {@link #page} pages through. */
    public long count(MessageFilter filter) {
        return filtered("select count(m)", filter, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, MessageFilter filter, String order, Class<T> type) {
        return new GivenConditions()
                .and("m.channelId = :channelId", filter.channelId())
                .and("m.state = :state", filter.state())
                .and("m.moderation = :moderation", filter.moderation())
                .and("m.createdAt >= :since", filter.since())
                .and("m.createdAt < :before", filter.before())
                .query(entityManager, select + " from Message m", order, type);
    }
}

package org.replycast.display;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stores {@link ForwardingDelivery}s: by id, by message, and those due now. A CDI bean in the
 * server, or built on a given {@link EntityManager} elsewhere; transactions belong to the caller.
 */
@ApplicationScoped
public class ForwardingDeliveryRepository {

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected ForwardingDeliveryRepository() {}

    public ForwardingDeliveryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void persist(ForwardingDelivery delivery) {
        entityManager.persist(delivery);
    }

    public Optional<ForwardingDelivery> findById(String deliveryId) {
        return Optional.ofNullable(entityManager.find(ForwardingDelivery.class, deliveryId));
    }

    /** Whether the message's event has a delivery already. */
    public boolean exists(String messageId, ForwardedEvent event) {
        return !entityManager
                .createQuery(
                        "select d.deliveryId from ForwardingDelivery d where d.messageId = :messageId and d.event = :event",
                        String.class)
                .setParameter("messageId", messageId)
                .setParameter("event", event)
                .getResultList()
                .isEmpty();
    }

    /** The message's deliveries, stored event first. */
    public List<ForwardingDelivery> findByMessage(String messageId) {
        return entityManager
                .createQuery(
                        "select d from ForwardingDelivery d where d.messageId = :messageId order by d.event",
                        ForwardingDelivery.class)
                .setParameter("messageId", messageId)
                .getResultList();
    }

    /**
     * Deliveries due now, longest waiting first. An approval waits while the same message's stored event is
     * still pending, so that a receiver never hears of an approval before the message itself.
     */
    public List<ForwardingDelivery> findDue(Instant now, int limit) {
        return entityManager
                .createQuery(
                        "select d from ForwardingDelivery d where d.state = :pending and d.nextAttemptAt <= :now"
                                + " and not exists (select s from ForwardingDelivery s where s.messageId = d.messageId"
                                + " and d.event = :approved and s.event = :stored and s.state = :pending)"
                                + " order by d.nextAttemptAt, d.createdAt",
                        ForwardingDelivery.class)
                .setParameter("pending", DeliveryState.PENDING)
                .setParameter("now", now)
                .setParameter("approved", ForwardedEvent.APPROVED)
                .setParameter("stored", ForwardedEvent.STORED)
                .setMaxResults(limit)
                .getResultList();
    }
}

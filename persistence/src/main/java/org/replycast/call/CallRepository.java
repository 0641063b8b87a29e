package org.replycast.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stores {@link Call}s: by id, by channel and state (for capacity and for ending a channel's
 * calls), by party and state, and by the playback or uplink token of a connected call. A CDI bean in the
 * server, or built on a given {@link EntityManager} elsewhere; transactions belong to the caller.
 */
@ApplicationScoped
public class CallRepository {

    @PersistenceContext(unitName = "replycast")
    private EntityManager entityManager;

    /** For CDI. */
    protected CallRepository() {}

    public CallRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Call> findById(String callId) {
        return Optional.ofNullable(entityManager.find(Call.class, callId));
    }

    /** All calls, oldest first. */
    public List<Call> list() {
        return entityManager
                .createQuery("select c from Call c order by c.createdAt, c.callId", Call.class)
                .getResultList();
    }

    /** All calls in the state, oldest first, as for an administrator's overview. */
    public List<Call> findByState(CallState state) {
        return entityManager
                .createQuery("select c from Call c where c.state = :state order by c.createdAt, c.callId", Call.class)
                .setParameter("state", state)
                .getResultList();
    }

    public void persist(Call call) {
        entityManager.persist(call);
    }

    /**
     * Reads the call's state anew from the database, as after taking its channel's lock: what another
     * transaction committed while this one waited is seen before the call changes.
     */
    public void refresh(Call call) {
        entityManager.refresh(call);
    }

    /** How many of the channel's calls are in the state, as when counting connected calls for capacity. */
    public long countByChannelAndState(String channelId, CallState state) {
        return entityManager
                .createQuery(
                        "select count(c) from Call c where c.channelId = :channelId and c.state = :state", Long.class)
                .setParameter("channelId", channelId)
                .setParameter("state", state)
                .getSingleResult();
    }

    /** The channel's calls in the state, oldest first. */
    public List<Call> findByChannelAndState(String channelId, CallState state) {
        return entityManager
                .createQuery(
                        "select c from Call c where c.channelId = :channelId and c.state = :state"
                                + " order by c.createdAt, c.callId",
                        Call.class)
                .setParameter("channelId", channelId)
                .setParameter("state", state)
                .getResultList();
    }

    /** The calls in the state in which the terminal is the requester or the destination, oldest first. */
    public List<Call> findByTerminalAndState(String terminalId, CallState state) {
        return entityManager
                .createQuery(
                        "select c from Call c where c.state = :state"
                                + " and (c.requesterTerminalId = :terminalId or c.destinationTerminalId = :terminalId)"
                                + " order by c.createdAt, c.callId",
                        Call.class)
                .setParameter("terminalId", terminalId)
                .setParameter("state", state)
                .getResultList();
    }

    /** The call whose playback token this is; a call holds its tokens only while it is connected. */
    public Optional<Call> findByPlaybackToken(String playbackToken) {
        return entityManager
                .createQuery("select c from Call c where c.playbackToken = :token", Call.class)
                .setParameter("token", playbackToken)
                .getResultStream()
                .findFirst();
    }

    /** The call whose uplink token this is; a call holds its tokens only while it is connected. */
    public Optional<Call> findByUplinkToken(String uplinkToken) {
        return entityManager
                .createQuery("select c from Call c where c.uplinkToken = :token", Call.class)
                .setParameter("token", uplinkToken)
                .getResultStream()
                .findFirst();
    }
}

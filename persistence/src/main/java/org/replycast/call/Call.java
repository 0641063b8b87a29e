package org.replycast.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.replycast.persistence.IdentifierRule;
import org.replycast.persistence.VersionedEntity;

/**
 * A terminal's call to a channel, for itself or for a destination terminal. The call owns its state
 * machine: each transition checks the current state, records its time and throws {@link
 * IllegalCallTransitionException}, changing nothing, when the state does not lead there. The playback and
 * uplink tokens exist only while the call is {@code CONNECTED}.
 *
 * <p>The channel is referred to by id rather than by association: a call is read and serialized on its
 * own (events, JSON, JMS) and never needs the channel loaded; the foreign key is in the schema.
 */
@Entity
@Table(name = "call")
public class Call extends VersionedEntity {

    @Id
    @Column(name = "call_id", length = 36)
    private String callId;

    @Column(name = "channel_id", nullable = false, updatable = false, length = 64)
    private String channelId;

    @Column(name = "requester_terminal_id", nullable = false, updatable = false, length = 64)
    private String requesterTerminalId;

    @Column(name = "destination_terminal_id", nullable = false, updatable = false, length = 64)
    private String destinationTerminalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private CallState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ringing_at")
    private Instant ringingAt;

    @Column(name = "connected_at")
    private Instant connectedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "playback_token", length = 128)
    private String playbackToken;

    @Column(name = "uplink_token", length = 128)
    private String uplinkToken;

    /** For JPA. */
    protected Call() {}

    /**
     * Creates a call in state {@code REQUESTED}.
     *
     * @param callId a UUID string, chosen by the caller
     * @param destinationTerminalId the terminal that watches and replies; the requester itself for a call
     *     to itself
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public Call(
            String callId,
            String channelId,
            String requesterTerminalId,
            String destinationTerminalId,
            Instant createdAt) {
        this.callId = requireUuid(callId);
        this.channelId = IdentifierRule.require("channelId", channelId);
        this.requesterTerminalId = IdentifierRule.require("requesterTerminalId", requesterTerminalId);
        this.destinationTerminalId = IdentifierRule.require("destinationTerminalId", destinationTerminalId);
        this.createdAt = requireTime("createdAt", createdAt);
        this.state = CallState.REQUESTED;
    }

    /** {@code REQUESTED → RINGING}: the destination is being called. */
    public void ring(Instant at) {
        requireTransition(CallState.RINGING);
        ringingAt = requireTime("at", at);
        state = CallState.RINGING;
    }

    /**
     * {@code REQUESTED} or {@code RINGING → CONNECTED}: the call to itself starts, or the destination
     * answered. The tokens give the destination its playback and uplink URLs until the call ends.
     */
    public void connect(Instant at, String playbackToken, String uplinkToken) {
        requireTransition(CallState.CONNECTED);
        Instant time = requireTime("at", at);
        requireToken("playbackToken", playbackToken);
        requireToken("uplinkToken", uplinkToken);
        if (playbackToken.equals(uplinkToken)) {
            throw new IllegalArgumentException("uplinkToken must differ from playbackToken");
        }
        connectedAt = time;
        this.playbackToken = playbackToken;
        this.uplinkToken = uplinkToken;
        state = CallState.CONNECTED;
    }

    /** {@code RINGING → DECLINED}: the destination refused the call. */
    public void decline(Instant at) {
        end(CallState.DECLINED, at, null);
    }

    /** {@code RINGING → MISSED}: nobody answered in time. */
    public void miss(Instant at) {
        end(CallState.MISSED, at, null);
    }

    /**
     * {@code RINGING} or {@code CONNECTED → RELEASED}: a party or the server ended the call.
     *
     * @param reason why, such as the channel's maximum call length; may be null
     */
    public void release(Instant at, String reason) {
        end(CallState.RELEASED, at, reason);
    }

    private void end(CallState target, Instant at, String why) {
        requireTransition(target);
        Instant time = requireTime("at", at);
        if (why != null && why.length() > 1000) {
            throw new IllegalArgumentException("reason must be at most 1000 characters");
        }
        endedAt = time;
        reason = why;
        // The tokens are the credentials of playback and uplink: they die with the connection.
        playbackToken = null;
        uplinkToken = null;
        state = target;
    }

    private void requireTransition(CallState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalCallTransitionException(callId, state, target);
        }
    }

    private static Instant requireTime(String field, Instant value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        return value;
    }

    private static void requireToken(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException(field + " must be 1 to 128 characters, not blank");
        }
    }

    private static String requireUuid(String value) {
        try {
            if (value != null && value.length() == 36) {
                UUID.fromString(value);
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("callId must be a UUID");
    }

    public String getCallId() {
        return callId;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getRequesterTerminalId() {
        return requesterTerminalId;
    }

    public String getDestinationTerminalId() {
        return destinationTerminalId;
    }

    /** Tells whether the terminal is one of the call's two parties. */
    public boolean hasParty(String terminalId) {
        return requesterTerminalId.equals(terminalId) || destinationTerminalId.equals(terminalId);
    }

    public CallState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRingingAt() {
        return ringingAt;
    }

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getReason() {
        return reason;
    }

    /** The token of the playback URL, present only while the call is {@code CONNECTED}. */
    public String getPlaybackToken() {
        return playbackToken;
    }

    /** The token of the uplink URL, present only while the call is {@code CONNECTED}. */
    public String getUplinkToken() {
        return uplinkToken;
    }

    @Override
    public String toString() {
        return "Call[" + callId + ", " + state + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Call that && Objects.equals(callId, that.callId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(callId);
    }
}

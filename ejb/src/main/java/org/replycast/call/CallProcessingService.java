package org.replycast.call;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRemoved;
import org.replycast.channel.ChannelRepository;
import org.replycast.persistence.IdentifierRule;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;
import org.replycast.terminal.TerminalWithdrawn;

/**
 * The call processing server (PROTOCOL.md, section 3): starts calls with admission control, lets the
 * destination answer or decline, lets either party or an administrator end them, and ends them itself when a
 * timer fires or a channel or terminal goes away. Every change of a call happens under its channel's row
 * lock, so capacity holds and no two changes of one call interleave; each change fires {@link CallChanged}.
 */
@Stateless
public class CallProcessingService {

    /** The actor of changes that the server makes on its own. */
    public static final String SERVER = "server";

    static final String MAXIMUM_LENGTH_REASON = "maximum call length reached";
    static final String ADMINISTRATOR_REASON = "ended by an administrator";
    static final String CHANNEL_REMOVED_REASON = "channel removed";

    private static final Logger LOG = Logger.getLogger(CallProcessingService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<CallState> ACTIVE = List.of(CallState.RINGING, CallState.CONNECTED);
    private static final Comparator<Call> OLDEST_FIRST =
            Comparator.comparing(Call::getCreatedAt).thenComparing(Call::getCallId);

    @Inject
    CallRepository calls;

    @Inject
    ChannelRepository channels;

    @Inject
    TerminalRepository terminals;

    @Inject
    CallScheduler scheduler;

    @Inject
    Event<CallChanged> changes;

    @Inject
    Event<CallRefused> refusals;

    @Inject
    @ConfigProperty(name = "replycast.call.ring-timeout-seconds", defaultValue = "60")
    int ringTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "replycast.call.capacity-retry-seconds", defaultValue = "30")
    int capacityRetrySeconds;

    /**
     * Starts a call: {@code CONNECTED} at once when the destination is the requester (or not given),
     * {@code RINGING} at another terminal otherwise.
     *
     * @throws ProblemException {@code invalid}, {@code signature-invalid} or {@code terminal-disabled} for
     *     the requester, {@code not-found} for the channel or destination, {@code destination-unavailable},
     *     {@code outside-schedule}, {@code capacity}
     */
    public CallSnapshot start(String requesterTerminalId, String channelId, String destinationTerminalId) {
        try {
            return admit(requesterTerminalId, channelId, destinationTerminalId);
        } catch (ProblemException refused) {
            refusals.fire(new CallRefused(requesterTerminalId, channelId, refused));
            throw refused;
        }
    }

    private CallSnapshot admit(String requesterTerminalId, String channelId, String destinationTerminalId) {
        Terminal requester = terminals
                .findById(requesterTerminalId)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.SIGNATURE_INVALID, "The requesting terminal is not registered."));
        if (!requester.isEnabled()) {
            throw new ProblemException(
                    ProblemType.TERMINAL_DISABLED, "Terminal " + requesterTerminalId + " is disabled.");
        }
        requireIdentifier("channelId", channelId);
        boolean toItself = destinationTerminalId == null || destinationTerminalId.equals(requesterTerminalId);
        Terminal destination = toItself ? requester : findDestination(destinationTerminalId);

        Channel channel = channels.findByIdForUpdate(channelId).orElseThrow(() -> noChannel(channelId));
        Instant now = now();
        if (!requester.mayStartAt(now, channel.getZoneId())) {
            throw new ProblemException(
                    ProblemType.OUTSIDE_SCHEDULE,
                    "Terminal " + requesterTerminalId + " may not start a distribution now; its schedule is read"
                            + " in the channel's time zone, " + channel.getTimeZone() + ".");
        }
        if (!hasRoom(channel)) {
            throw capacityRefusal(channel);
        }
        Call call = new Call(newCallId(), channelId, requesterTerminalId, destination.getTerminalId(), now);
        calls.persist(call);
        if (toItself) {
            connect(call, channel, now);
        } else {
            call.ring(now);
            scheduleRinging(call, destination);
        }
        return changed(call, requesterTerminalId);
    }

    /**
     * The destination answers a ringing call: {@code CONNECTED}, if the channel still has room.
     *
     * @throws ProblemException {@code not-found} for anyone but a party, {@code conflict} for the requester
     *     or a call that no longer rings, {@code capacity}
     */
    public CallSnapshot answer(String terminalId, String callId) {
        Call call = callOfParty(terminalId, callId);
        requireDestination(call, terminalId, "answers");
        Channel channel = lockChannelOf(call);
        requireTransition(call, CallState.CONNECTED);
        if (channel == null) {
            throw noChannel(call.getChannelId());
        }
        if (!hasRoom(channel)) {
            throw capacityRefusal(channel);
        }
        scheduler.cancelAll(call.getCallId());
        connect(call, channel, now());
        return changed(call, terminalId);
    }

    /**
     * The destination declines a ringing call: {@code DECLINED}.
     *
     * @throws ProblemException {@code not-found} for anyone but a party, {@code conflict} for the requester
     *     or a call that no longer rings
     */
    public CallSnapshot decline(String terminalId, String callId) {
        Call call = callOfParty(terminalId, callId);
        requireDestination(call, terminalId, "declines");
        lockChannelOf(call);
        transition(call, CallState.DECLINED, () -> call.decline(now()));
        return changed(call, terminalId);
    }

    /**
     * Either party ends a ringing or connected call: {@code RELEASED}.
     *
     * @throws ProblemException {@code not-found} for anyone but a party, {@code conflict} for an ended call
     */
    public CallSnapshot release(String terminalId, String callId) {
        Call call = callOfParty(terminalId, callId);
        return end(call, "released by " + terminalId, terminalId);
    }

    /**
     * An administrator ends a ringing or connected call: {@code RELEASED}.
     *
     * @throws ProblemException {@code not-found}, {@code conflict} for an ended call
     */
    public CallSnapshot end(String callId, String administrator) {
        Call call = calls.findById(callId).orElseThrow(CallProcessingService::noCall);
        return end(call, ADMINISTRATOR_REASON, administrator);
    }

    /**
     * One call, to one of its parties.
     *
     * @throws ProblemException {@code not-found} for anyone else
     */
    public CallSnapshot find(String terminalId, String callId) {
        return CallSnapshot.of(callOfParty(terminalId, callId));
    }

    /** The terminal's calls in the state, or its ringing and connected calls when the state is null. */
    public List<CallSnapshot> list(String terminalId, CallState state) {
        return snapshots(state, s -> calls.findByTerminalAndState(terminalId, s));
    }

    /** Every call in the state, or every ringing and connected call, of one channel when it is given. */
    public List<CallSnapshot> listAll(CallState state, String channelId) {
        return snapshots(
                state, s -> channelId == null ? calls.findByState(s) : calls.findByChannelAndState(channelId, s));
    }

    /**
     * The exact number of the channel's connected calls, as admission control counts them.
     *
     * @throws ProblemException {@code not-found}
     */
    public long connectedCalls(String channelId) {
        channels.findById(channelId).orElseThrow(() -> noChannel(channelId));
        return calls.countByChannelAndState(channelId, CallState.CONNECTED);
    }

    /** The number of connected calls of every channel, in channel id order. */
    public Map<String, Long> connectedCallsByChannel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Channel channel : channels.list()) {
            counts.put(
                    channel.getChannelId(), calls.countByChannelAndState(channel.getChannelId(), CallState.CONNECTED));
        }
        return counts;
    }

    /**
     * What a call timer does when it fires; for {@link CallScheduler}. A call that has moved on since is
     * left as it is, and nothing is thrown, so the container never retries the timer.
     */
    public void timeUp(CallTimer timer) {
        Call call = calls.findById(timer.callId()).orElse(null);
        if (call == null) {
            return;
        }
        Channel channel = lockChannelOf(call);
        switch (timer.kind()) {
            case RING_TIMEOUT -> {
                if (call.getState() == CallState.RINGING) {
                    call.miss(now());
                    scheduler.cancelAll(call.getCallId());
                    changed(call, SERVER);
                }
            }
            case AUTO_ANSWER -> {
                if (call.getState() == CallState.RINGING && channel != null) {
                    if (hasRoom(channel)) {
                        scheduler.cancelAll(call.getCallId());
                        connect(call, channel, now());
                        changed(call, SERVER);
                    } else {
                        LOG.info(() -> "call " + call.getCallId() + " not answered on its own: channel "
                                + channel.getChannelId() + " is at capacity; it keeps ringing");
                    }
                }
            }
            case MAXIMUM_LENGTH -> {
                if (call.getState() == CallState.CONNECTED) {
                    call.release(now(), MAXIMUM_LENGTH_REASON);
                    scheduler.cancelAll(call.getCallId());
                    changed(call, SERVER);
                }
            }
        }
    }

    /** Releases the removed channel's ringing and connected calls, in the transaction that removes it. */
    public void releaseCallsOfRemovedChannel(@Observes ChannelRemoved removed) {
        // The lock first, in the order every call change takes: channel, then its calls.
        channels.findByIdForUpdate(removed.channelId());
        for (CallState state : ACTIVE) {
            for (Call call : calls.findByChannelAndState(removed.channelId(), state)) {
                call.release(now(), CHANNEL_REMOVED_REASON);
                scheduler.cancelAll(call.getCallId());
                changed(call, SERVER);
            }
        }
    }

    /** Releases the withdrawn terminal's ringing and connected calls, in the transaction that withdraws it. */
    public void releaseCallsOfWithdrawnTerminal(@Observes TerminalWithdrawn withdrawn) {
        String reason =
                withdrawn.reason() == null ? "terminal " + withdrawn.terminalId() + " withdrawn" : withdrawn.reason();
        for (CallState state : ACTIVE) {
            for (Call call : calls.findByTerminalAndState(withdrawn.terminalId(), state)) {
                lockChannelOf(call);
                if (!call.getState().isFinal()) {
                    call.release(now(), reason);
                    scheduler.cancelAll(call.getCallId());
                    changed(call, SERVER);
                }
            }
        }
    }

    private CallSnapshot end(Call call, String reason, String actor) {
        lockChannelOf(call);
        transition(call, CallState.RELEASED, () -> call.release(now(), reason));
        scheduler.cancelAll(call.getCallId());
        return changed(call, actor);
    }

    private void connect(Call call, Channel channel, Instant at) {
        call.connect(at, newToken(), newToken());
        scheduler.schedule(
                call.getCallId(), CallTimer.Kind.MAXIMUM_LENGTH, Duration.ofSeconds(channel.getMaxCallSeconds()));
    }

    private void scheduleRinging(Call call, Terminal destination) {
        scheduler.schedule(call.getCallId(), CallTimer.Kind.RING_TIMEOUT, Duration.ofSeconds(ringTimeoutSeconds));
        Integer autoAnswer = destination.getAutoAnswerSeconds();
        if (autoAnswer != null && autoAnswer < ringTimeoutSeconds) {
            scheduler.schedule(call.getCallId(), CallTimer.Kind.AUTO_ANSWER, Duration.ofSeconds(autoAnswer));
        }
    }

    private CallSnapshot changed(Call call, String actor) {
        CallSnapshot snapshot = CallSnapshot.of(call);
        changes.fire(new CallChanged(snapshot, actor));
        return snapshot;
    }

    /**
     * Locks the call's channel and reads the call anew, so that what another transaction committed while
     * this one waited is seen; the channel, or null when it was removed.
     */
    private Channel lockChannelOf(Call call) {
        Channel channel = channels.findByIdForUpdate(call.getChannelId()).orElse(null);
        calls.refresh(call);
        return channel;
    }

    private boolean hasRoom(Channel channel) {
        return calls.countByChannelAndState(channel.getChannelId(), CallState.CONNECTED)
                < channel.getMaxConnectedCalls();
    }

    private ProblemException capacityRefusal(Channel channel) {
        LOG.info(() -> "call refused on channel " + channel.getChannelId() + ": at capacity ("
                + channel.getMaxConnectedCalls() + " connected calls)");
        return new ProblemException(
                ProblemType.CAPACITY,
                "Channel " + channel.getChannelId() + " already carries its maximum of "
                        + channel.getMaxConnectedCalls() + " connected calls. Try again in " + capacityRetrySeconds
                        + " seconds.",
                capacityRetrySeconds);
    }

    private Terminal findDestination(String destinationTerminalId) {
        requireIdentifier("destinationTerminalId", destinationTerminalId);
        Terminal destination = terminals
                .findById(destinationTerminalId)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No terminal " + destinationTerminalId + " is registered."));
        if (!destination.isEnabled()) {
            throw new ProblemException(
                    ProblemType.DESTINATION_UNAVAILABLE,
                    "Terminal " + destinationTerminalId + " is disabled and cannot be called.");
        }
        return destination;
    }

    private Call callOfParty(String terminalId, String callId) {
        // Anyone but a party gets the same answer as for a call that does not exist.
        return calls.findById(callId)
                .filter(call -> call.hasParty(terminalId))
                .orElseThrow(CallProcessingService::noCall);
    }

    private static void requireDestination(Call call, String terminalId, String verb) {
        if (!call.getDestinationTerminalId().equals(terminalId)) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Only the destination terminal " + call.getDestinationTerminalId() + " " + verb
                            + " this call; its requester ends it with DELETE.");
        }
    }

    private static void requireTransition(Call call, CallState target) {
        if (!call.getState().canMoveTo(target)) {
            throw conflict(call.getState(), target);
        }
    }

    private static void transition(Call call, CallState target, Runnable change) {
        try {
            change.run();
        } catch (IllegalCallTransitionException illegal) {
            throw conflict(illegal.getFrom(), target);
        }
    }

    private static ProblemException conflict(CallState from, CallState to) {
        return new ProblemException(ProblemType.CONFLICT, "The call is " + from + " and cannot become " + to + ".");
    }

    private List<CallSnapshot> snapshots(CallState state, Function<CallState, List<Call>> query) {
        List<Call> found = new ArrayList<>();
        for (CallState each : state == null ? ACTIVE : List.of(state)) {
            found.addAll(query.apply(each));
        }
        found.sort(OLDEST_FIRST);
        return found.stream().map(CallSnapshot::of).toList();
    }

    private static void requireIdentifier(String field, String value) {
        if (!IdentifierRule.isValid(value)) {
            throw new ProblemException(ProblemType.INVALID, field + " must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
    }

    private static ProblemException noChannel(String channelId) {
        return new ProblemException(
                ProblemType.NOT_FOUND, "No channel " + channelId + "; GET /api/v1/channels lists them.");
    }

    private static ProblemException noCall() {
        return new ProblemException(ProblemType.NOT_FOUND, "No call with this id among the calls you may see.");
    }

    private static String newCallId() {
        return UUID.randomUUID().toString();
    }

    /** 32 random bytes, base64url: 256 bits that nobody guesses. */
    private static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Now, at the database's precision, so that returned and stored times are equal. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

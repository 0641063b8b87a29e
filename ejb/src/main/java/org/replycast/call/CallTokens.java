package org.replycast.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers, on every request of distribution and the gateway, which connected call a playback or uplink
 * token belongs to, from memory: a call's tokens are learnt when its connection is committed here or
 * announced from another node (or read once from the database, after a restart), and forgotten the moment
 * its end is committed here or announced.
 */
@ApplicationScoped
public class CallTokens {

    // Ends reach every node within milliseconds through the CallEvents topic; this bounds how long a node
    // whose announcement was lost keeps serving a call that ended elsewhere.
    static final Duration ENTRY_LIFETIME = Duration.ofSeconds(30);
    // Longer than any database read that began before an end can take, so that read is never remembered.
    static final Duration ENDED_MEMORY = Duration.ofMinutes(5);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Instant> endedCalls = new ConcurrentHashMap<>();
    private CallRepository calls;
    private Clock clock;

    /** For CDI's proxy. */
    protected CallTokens() {}

    @Inject
    public CallTokens(CallRepository calls) {
        this(calls, Clock.systemUTC());
    }

    CallTokens(CallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** The connected call whose playback URL carries this token; empty for any other token. */
    public Optional<ConnectedCall> byPlaybackToken(String token) {
        return lookup("playback:", token, calls::findByPlaybackToken);
    }

    /**
     * The connected call that memory alone holds for this playback token, without reading the database, so it
     * may answer on a thread that must not block; empty says "not remembered", and then only
     * {@link #byPlaybackToken} knows whether the token is valid.
     */
    public Optional<ConnectedCall> rememberedByPlaybackToken(String token) {
        return remembered("playback:", token, clock.instant());
    }

    /** The connected call whose uplink URL carries this token; empty for any other token. */
    public Optional<ConnectedCall> byUplinkToken(String token) {
        return lookup("uplink:", token, calls::findByUplinkToken);
    }

    void heardCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallChanged changed) {
        heard(changed.call());
    }

    void heardAnnounced(@Observes CallAnnounced announced) {
        heard(announced.call());
    }

    private void heard(CallSnapshot call) {
        if (call.state() == CallState.CONNECTED && call.playbackToken() != null) {
            remember(call);
        } else {
            forget(call);
        }
    }

    private void remember(CallSnapshot call) {
        ConnectedCall connected = new ConnectedCall(call.callId(), call.channelId(), call.destinationTerminalId());
        Instant expires = clock.instant().plus(ENTRY_LIFETIME);
        entries.put("playback:" + call.playbackToken(), new Entry(connected, expires));
        entries.put("uplink:" + call.uplinkToken(), new Entry(connected, expires));
        // An end heard meanwhile (announcements may overtake each other) wins.
        if (endedCalls.containsKey(call.callId())) {
            entries.values().removeIf(entry -> entry.call().callId().equals(call.callId()));
        }
    }

    private Optional<ConnectedCall> lookup(String kind, String token, Function<String, Optional<Call>> fromDatabase) {
        if (!isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ConnectedCall> remembered = remembered(kind, token, now);
        if (remembered.isPresent()) {
            return remembered;
        }
        String key = kind + token;
        Optional<ConnectedCall> found = fromDatabase.apply(token).map(ConnectedCall::of);
        if (found.isEmpty()) {
            entries.remove(key);
            return found;
        }
        entries.put(key, new Entry(found.get(), now.plus(ENTRY_LIFETIME)));
        // The read may have begun before the call's end was committed: an end seen since wins.
        if (endedCalls.containsKey(found.get().callId())) {
            entries.remove(key);
            return Optional.empty();
        }
        sweep(now);
        return found;
    }

    private Optional<ConnectedCall> remembered(String kind, String token, Instant now) {
        if (!isWellFormed(token)) {
            return Optional.empty();
        }
        Entry entry = entries.get(kind + token);
        return entry != null && entry.expires().isAfter(now) ? Optional.of(entry.call()) : Optional.empty();
    }

    private static boolean isWellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 128;
    }

    private void forget(CallSnapshot call) {
        if (!call.state().isFinal()) {
            return;
        }
        // Noted before the removal, so a lookup racing with it either sees the note or is removed after.
        endedCalls.put(call.callId(), clock.instant());
        entries.values().removeIf(entry -> entry.call().callId().equals(call.callId()));
    }

    private void sweep(Instant now) {
        entries.values().removeIf(entry -> !entry.expires().isAfter(now));
        Instant forgotten = now.minus(ENDED_MEMORY);
        endedCalls.values().removeIf(endedAt -> endedAt.isBefore(forgotten));
    }

    private record Entry(ConnectedCall call, Instant expires) {}
}

package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The token cache answers from memory, and never for a call whose end it has heard of. */
class CallTokensTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** The database as a map of playback tokens, counting its reads. */
    private static final class Database extends CallRepository {
        final Map<String, Call> byPlayback = new ConcurrentHashMap<>();
        int reads;
        Runnable duringRead = () -> {};

        @Override
        public Optional<Call> findByPlaybackToken(String token) {
            reads++;
            Optional<Call> found = Optional.ofNullable(byPlayback.get(token));
            duringRead.run();
            return found;
        }

        @Override
        public Optional<Call> findByUplinkToken(String token) {
            reads++;
            return byPlayback.values().stream()
                    .filter(call -> token.equals(call.getUplinkToken()))
                    .findFirst();
        }
    }

    private final Database database = new Database();
    private final MutableClock clock = new MutableClock();
    private final CallTokens tokens = new CallTokens(database, clock);
    private final Call call = connectedCall("play-1", "up-1");

    private Call connectedCall(String playback, String uplink) {
        Call connected = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-2", T0);
        connected.connect(T0, playback, uplink);
        database.byPlayback.put(playback, connected);
        return connected;
    }

    private CallChanged ended(Call call) {
        call.release(T0.plusSeconds(1), "released by T-1");
        database.byPlayback.values().remove(call);
        return new CallChanged(CallSnapshot.of(call), "T-1");
    }

    @Test
    void aTokenOfAConnectedCallFindsItsChannelAndWatchingTerminal() {
        ConnectedCall found = tokens.byPlaybackToken("play-1").orElseThrow();

        assertEquals(new ConnectedCall(call.getCallId(), "hall-1", "T-2"), found);
        assertEquals(found, tokens.byUplinkToken("up-1").orElseThrow());
    }

    @Test
    void aSecondLookupIsAnsweredFromMemory() {
        tokens.byPlaybackToken("play-1");
        tokens.byPlaybackToken("play-1");

        assertEquals(1, database.reads);
    }

    @Test
    void aConnectionCommittedHereOrAnnouncedElsewhereIsKnownWithoutARead() {
        Call other = connectedCall("play-2", "up-2");

        tokens.heardCommitted(new CallChanged(CallSnapshot.of(call), "T-2"));
        tokens.heardAnnounced(new CallAnnounced(CallSnapshot.of(other)));

        assertEquals(
                call.getCallId(), tokens.byPlaybackToken("play-1").orElseThrow().callId());
        assertEquals(
                other.getCallId(), tokens.byUplinkToken("up-2").orElseThrow().callId());
        assertEquals(0, database.reads);
    }

    @Test
    void memoryAloneKnowsATokenOnlyAfterALookupOrAnAnnouncementAndNeverReads() {
        assertTrue(tokens.rememberedByPlaybackToken("play-1").isEmpty());

        tokens.byPlaybackToken("play-1");

        assertEquals(
                call.getCallId(),
                tokens.rememberedByPlaybackToken("play-1").orElseThrow().callId());
        assertTrue(tokens.rememberedByPlaybackToken("up-1").isEmpty(), "an uplink token is no playback token");
        assertEquals(1, database.reads);
    }

    @Test
    void memoryAloneForgetsAnEndAtOnceAndAnEntryAfterItsLifetime() {
        Call other = connectedCall("play-2", "up-2");
        tokens.heardAnnounced(new CallAnnounced(CallSnapshot.of(call)));
        tokens.heardAnnounced(new CallAnnounced(CallSnapshot.of(other)));

        tokens.heardCommitted(ended(call));

        assertTrue(tokens.rememberedByPlaybackToken("play-1").isEmpty());
        assertTrue(tokens.rememberedByPlaybackToken("play-2").isPresent());
        clock.now = T0.plus(CallTokens.ENTRY_LIFETIME);
        assertTrue(tokens.rememberedByPlaybackToken("play-2").isEmpty());
        assertEquals(0, database.reads);
    }

    @Test
    void aConnectionAnnouncedAfterItsEndIsNotRemembered() {
        CallSnapshot connected = CallSnapshot.of(call);
        tokens.heardAnnounced(new CallAnnounced(ended(call).call()));

        tokens.heardAnnounced(new CallAnnounced(connected));

        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
    }

    @Test
    void anEndIsForgottenAtOnce() {
        tokens.byPlaybackToken("play-1");

        tokens.heardCommitted(ended(call));

        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
    }

    @Test
    void anEndAnnouncedByAnotherNodeIsForgottenAtOnce() {
        tokens.byPlaybackToken("play-1");
        CallSnapshot endedElsewhere = ended(call).call();

        tokens.heardAnnounced(new CallAnnounced(endedElsewhere));

        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
    }

    @Test
    void aReadThatRacedWithTheEndIsNotRemembered() {
        // The database answers "connected", then the end commits before the answer is remembered.
        database.duringRead = () -> {
            database.duringRead = () -> {};
            tokens.heardCommitted(ended(call));
        };

        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
    }

    @Test
    void whatIsRememberedIsReadAgainAfterItsLifetime() {
        tokens.byPlaybackToken("play-1");
        database.byPlayback.clear(); // as if another node's announcement of the end was lost

        clock.now = T0.plus(CallTokens.ENTRY_LIFETIME);

        assertTrue(tokens.byPlaybackToken("play-1").isEmpty());
    }

    @Test
    void unknownEmptyAndOversizedTokensFindNothing() {
        assertTrue(tokens.byPlaybackToken("nobody").isEmpty());
        assertTrue(tokens.byPlaybackToken("").isEmpty());
        assertTrue(tokens.byPlaybackToken(null).isEmpty());
        assertTrue(tokens.byUplinkToken("x".repeat(129)).isEmpty());
    }

    @Test
    void aChangeThatIsNotAnEndForgetsNothing() {
        tokens.byPlaybackToken("play-1");
        Call ringing = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-3", T0);

        tokens.heardCommitted(new CallChanged(CallSnapshot.of(ringing), "T-1"));

        assertTrue(tokens.byPlaybackToken("play-1").isPresent());
        assertEquals(1, database.reads);
    }

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.call.CallState.CONNECTED;
import static org.replycast.call.CallState.DECLINED;
import static org.replycast.call.CallState.MISSED;
import static org.replycast.call.CallState.RELEASED;
import static org.replycast.call.CallState.REQUESTED;
import static org.replycast.call.CallState.RINGING;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The call's state machine, without a database: which transitions it takes, what they record, and what it refuses. */
class CallTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-01-01T10:00:42.123456Z");

    /** The transitions the protocol allows, written out as the specification. */
    private static final Set<List<CallState>> LEGAL = Set.of(
            List.of(REQUESTED, RINGING),
            List.of(REQUESTED, CONNECTED),
            List.of(RINGING, CONNECTED),
            List.of(RINGING, DECLINED),
            List.of(RINGING, MISSED),
            List.of(RINGING, RELEASED),
            List.of(CONNECTED, RELEASED));

    /** Each transition method, the state it leads to, and the time field it records. */
    enum Step {
        RING(RINGING, Call::getRingingAt),
        CONNECT(CONNECTED, Call::getConnectedAt),
        DECLINE(DECLINED, Call::getEndedAt),
        MISS(MISSED, Call::getEndedAt),
        RELEASE(RELEASED, Call::getEndedAt);

        final CallState target;
        final Function<Call, Instant> recordedTime;

        Step(CallState target, Function<Call, Instant> recordedTime) {
            this.target = target;
            this.recordedTime = recordedTime;
        }

        void apply(Call call, Instant at) {
            switch (this) {
                case RING -> call.ring(at);
                case CONNECT -> call.connect(at, "play-" + UUID.randomUUID(), "up-" + UUID.randomUUID());
                case DECLINE -> call.decline(at);
                case MISS -> call.miss(at);
                case RELEASE -> call.release(at, "ended by the requester");
            }
        }
    }

    /** Every state paired with every transition method whose target the table allows from it. */
    static Stream<Arguments> legalTransitions() {
        return everyStateAndStep(true);
    }

    /** Every state paired with every transition method whose target the table refuses from it. */
    static Stream<Arguments> illegalTransitions() {
        return everyStateAndStep(false);
    }

    private static Stream<Arguments> everyStateAndStep(boolean legal) {
        return Arrays.stream(CallState.values()).flatMap(state -> Arrays.stream(Step.values())
                .filter(step -> LEGAL.contains(List.of(state, step.target)) == legal)
                .map(step -> Arguments.of(state, step)));
    }

    /** A call brought into the state along legal transitions. */
    static Call callIn(CallState state) {
        Call call = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-2", CREATED);
        Instant time = CREATED;
        switch (state) {
            case REQUESTED -> {}
            case RINGING -> call.ring(time = time.plusSeconds(1));
            case CONNECTED -> {
                call.ring(time = time.plusSeconds(1));
                call.connect(time.plusSeconds(1), "play-token", "up-token");
            }
            case DECLINED -> {
                call.ring(time = time.plusSeconds(1));
                call.decline(time.plusSeconds(1));
            }
            case MISSED -> {
                call.ring(time = time.plusSeconds(1));
                call.miss(time.plusSeconds(60));
            }
            case RELEASED -> {
                call.ring(time = time.plusSeconds(1));
                call.connect(time = time.plusSeconds(1), "play-token", "up-token");
                call.release(time.plusSeconds(1), "channel removed");
            }
        }
        assertEquals(state, call.getState());
        return call;
    }

    /** Everything a transition could change. */
    record Snapshot(
            CallState state,
            Instant ringingAt,
            Instant connectedAt,
            Instant endedAt,
            String reason,
            String playbackToken,
            String uplinkToken) {
        static Snapshot of(Call call) {
            return new Snapshot(
                    call.getState(),
                    call.getRingingAt(),
                    call.getConnectedAt(),
                    call.getEndedAt(),
                    call.getReason(),
                    call.getPlaybackToken(),
                    call.getUplinkToken());
        }
    }

    @Test
    void newCallIsRequested() {
        Call call = new Call("5f2b9c1e-8a7d-4e3f-9c1e-8a7d4e3f5f2b", "hall-1", "T-1", "T-2", CREATED);

        assertEquals(REQUESTED, call.getState());
        assertEquals(CREATED, call.getCreatedAt());
        assertEquals("hall-1", call.getChannelId());
        assertEquals("T-1", call.getRequesterTerminalId());
        assertEquals("T-2", call.getDestinationTerminalId());
        assertNull(call.getRingingAt());
        assertNull(call.getConnectedAt());
        assertNull(call.getEndedAt());
        assertNull(call.getPlaybackToken());
        assertNull(call.getUplinkToken());
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("legalTransitions")
    void legalTransitionsMoveAndRecordTheirTime(CallState from, Step step) {
        Call call = callIn(from);

        step.apply(call, AT);

        assertEquals(step.target, call.getState());
        assertEquals(AT, step.recordedTime.apply(call));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("illegalTransitions")
    void illegalTransitionsThrowAndChangeNothing(CallState from, Step step) {
        Call call = callIn(from);
        Snapshot before = Snapshot.of(call);

        IllegalCallTransitionException thrown =
                assertThrows(IllegalCallTransitionException.class, () -> step.apply(call, AT));

        assertEquals(before, Snapshot.of(call));
        assertEquals(from, thrown.getFrom());
        assertEquals(step.target, thrown.getTo());
        assertEquals(call.getCallId(), thrown.getCallId());
    }

    @Test
    void theStateTableMatchesTheSpecification() {
        for (CallState from : CallState.values()) {
            for (CallState to : CallState.values()) {
                assertEquals(LEGAL.contains(List.of(from, to)), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void callToItselfConnectsWithoutRinging() {
        Call call = callIn(REQUESTED);

        call.connect(AT, "play", "up");

        assertEquals(CONNECTED, call.getState());
        assertEquals(AT, call.getConnectedAt());
        assertNull(call.getRingingAt());
    }

    @Test
    void tokensExistOnlyWhileConnected() {
        Call call = callIn(RINGING);
        assertNull(call.getPlaybackToken());
        assertNull(call.getUplinkToken());

        call.connect(AT, "play", "up");
        assertEquals("play", call.getPlaybackToken());
        assertEquals("up", call.getUplinkToken());

        call.release(AT.plusSeconds(10), null);
        assertNull(call.getPlaybackToken());
        assertNull(call.getUplinkToken());
    }

    @Test
    void everyEndedCallHasNoTokens() {
        for (CallState state : List.of(DECLINED, MISSED, RELEASED)) {
            Call call = callIn(state);
            assertTrue(state.isFinal());
            assertNull(call.getPlaybackToken(), state.name());
            assertNull(call.getUplinkToken(), state.name());
        }
    }

    @Test
    void releaseRecordsItsReason() {
        Call call = callIn(CONNECTED);

        call.release(AT, "maximum call length reached");

        assertEquals("maximum call length reached", call.getReason());
        assertEquals(AT, call.getEndedAt());
    }

    @Test
    void connectingNeedsTwoDistinctTokensAndOtherwiseChangesNothing() {
        Call call = callIn(RINGING);
        Snapshot before = Snapshot.of(call);

        assertThrows(IllegalArgumentException.class, () -> call.connect(AT, null, "up"));
        assertThrows(IllegalArgumentException.class, () -> call.connect(AT, "play", " "));
        assertThrows(IllegalArgumentException.class, () -> call.connect(AT, "same", "same"));

        assertEquals(before, Snapshot.of(call));
    }

    @Test
    void aTransitionWithoutItsTimeChangesNothing() {
        Call call = callIn(RINGING);
        Snapshot before = Snapshot.of(call);

        assertThrows(IllegalArgumentException.class, () -> call.miss(null));

        assertEquals(before, Snapshot.of(call));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "not-a-uuid", "5f2b9c1e8a7d4e3f9c1e8a7d4e3f5f2b", "5f2b9c1e-8a7d-4e3f-9c1e-8a7d4e3f5f2b-x"})
    void callIdMustBeAUuid(String callId) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> new Call(callId, "hall-1", "T-1", "T-2", CREATED));
        assertTrue(thrown.getMessage().contains("callId"));
    }

    @Test
    void partiesAndChannelFollowTheIdentifierRule() {
        String id = UUID.randomUUID().toString();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Call(id, "hall 1", "T-1", "T-2", CREATED))
                .getMessage()
                .contains("channelId"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Call(id, "hall-1", "", "T-2", CREATED))
                .getMessage()
                .contains("requesterTerminalId"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Call(id, "hall-1", "T-1", null, CREATED))
                .getMessage()
                .contains("destinationTerminalId"));
    }
}

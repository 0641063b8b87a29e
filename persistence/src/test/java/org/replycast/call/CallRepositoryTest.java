package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.persistence.TestDatabase.createChannel;
import static org.replycast.persistence.TestDatabase.createTerminal;
import static org.replycast.persistence.TestDatabase.fromTransaction;
import static org.replycast.persistence.TestDatabase.inTransaction;
import static org.replycast.persistence.TestDatabase.uniqueId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.replycast.persistence.TestDatabase;

/** Calls are stored with their state and times, and found by channel, by party and by token. */
class CallRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    private final String channelId = createChannel();
    private final String requester = createTerminal();
    private final String destination = createTerminal();

    private Call newCall(Instant createdAt) {
        return new Call(UUID.randomUUID().toString(), channelId, requester, destination, createdAt);
    }

    private long countInChannel(CallState state) {
        return fromTransaction(em -> new CallRepository(em).countByChannelAndState(channelId, state));
    }

    private String persisted(Call call) {
        inTransaction(em -> new CallRepository(em).persist(call));
        return call.getCallId();
    }

    @Test
    void persistedCallIsFoundWithItsStateAndTimes() {
        Call call = newCall(T0);
        call.ring(T0.plusSeconds(1));
        call.connect(T0.plusSeconds(2), uniqueId("play"), uniqueId("up"));
        call.release(T0.plusSeconds(3), "released by the destination");
        String callId = persisted(call);

        Call found =
                fromTransaction(em -> new CallRepository(em).findById(callId)).orElseThrow();

        assertEquals(CallState.RELEASED, found.getState());
        assertEquals(channelId, found.getChannelId());
        assertEquals(requester, found.getRequesterTerminalId());
        assertEquals(destination, found.getDestinationTerminalId());
        assertEquals(T0, found.getCreatedAt());
        assertEquals(T0.plusSeconds(1), found.getRingingAt());
        assertEquals(T0.plusSeconds(2), found.getConnectedAt());
        assertEquals(T0.plusSeconds(3), found.getEndedAt());
        assertEquals("released by the destination", found.getReason());
        assertNull(found.getPlaybackToken());
        assertEquals(0L, found.getVersion());
    }

    @Test
    void unknownCallIsNotFound() {
        assertTrue(fromTransaction(
                        em -> new CallRepository(em).findById(UUID.randomUUID().toString()))
                .isEmpty());
    }

    @Test
    void aTransitionOfAStoredCallIsStored() {
        String callId = persisted(newCall(T0));

        inTransaction(
                em -> new CallRepository(em).findById(callId).orElseThrow().ring(T0.plusSeconds(1)));

        Call found =
                fromTransaction(em -> new CallRepository(em).findById(callId)).orElseThrow();
        assertEquals(CallState.RINGING, found.getState());
        assertEquals(1L, found.getVersion());
    }

    @Test
    void listIsOldestFirst() {
        String later = persisted(newCall(T0.plusSeconds(60)));
        String earlier = persisted(newCall(T0));

        List<String> ids = fromTransaction(em -> new CallRepository(em).list()).stream()
                .map(Call::getCallId)
                .filter(id -> id.equals(earlier) || id.equals(later))
                .toList();

        assertEquals(List.of(earlier, later), ids);
    }

    @Test
    void countByChannelAndStateCountsOnlyThatChannelsCallsInThatState() {
        for (int i = 0; i < 3; i++) {
            Call connected = newCall(T0);
            connected.connect(T0, uniqueId("play"), uniqueId("up"));
            persisted(connected);
        }
        Call ringing = newCall(T0);
        ringing.ring(T0);
        persisted(ringing);
        Call elsewhere = new Call(UUID.randomUUID().toString(), createChannel(), requester, destination, T0);
        elsewhere.connect(T0, uniqueId("play"), uniqueId("up"));
        persisted(elsewhere);

        assertEquals(3, countInChannel(CallState.CONNECTED));
        assertEquals(1, countInChannel(CallState.RINGING));
        assertEquals(0, countInChannel(CallState.MISSED));
    }

    @Test
    void findByChannelAndStateListsThatChannelsCallsOldestFirst() {
        Call second = newCall(T0.plusSeconds(5));
        second.connect(T0.plusSeconds(5), uniqueId("play"), uniqueId("up"));
        Call first = newCall(T0);
        first.connect(T0, uniqueId("play"), uniqueId("up"));
        persisted(second);
        persisted(first);
        persisted(newCall(T0));

        List<String> ids =
                fromTransaction(em -> new CallRepository(em).findByChannelAndState(channelId, CallState.CONNECTED))
                        .stream()
                        .map(Call::getCallId)
                        .toList();

        assertEquals(List.of(first.getCallId(), second.getCallId()), ids);
    }

    @Test
    void findByTerminalAndStateFindsCallsOnEitherSide() {
        String other = createTerminal();
        Call asRequester = newCall(T0);
        asRequester.ring(T0);
        Call asDestination = new Call(UUID.randomUUID().toString(), channelId, other, requester, T0.plusSeconds(1));
        asDestination.ring(T0.plusSeconds(1));
        Call notRinging = newCall(T0);
        Call notAParty = new Call(UUID.randomUUID().toString(), channelId, other, destination, T0);
        notAParty.ring(T0);
        List.of(asRequester, asDestination, notRinging, notAParty).forEach(this::persisted);

        List<String> ids =
                fromTransaction(em -> new CallRepository(em).findByTerminalAndState(requester, CallState.RINGING))
                        .stream()
                        .map(Call::getCallId)
                        .toList();

        assertEquals(List.of(asRequester.getCallId(), asDestination.getCallId()), ids);
    }

    @Test
    void findByStateListsCallsOfEveryChannelInThatStateOldestFirst() {
        Call later = new Call(UUID.randomUUID().toString(), createChannel(), requester, destination, T0.plusSeconds(3));
        later.ring(T0.plusSeconds(3));
        Call earlier = newCall(T0);
        earlier.ring(T0);
        persisted(later);
        persisted(earlier);
        persisted(newCall(T0));

        List<String> ids = fromTransaction(em -> new CallRepository(em).findByState(CallState.RINGING)).stream()
                .map(Call::getCallId)
                .filter(id -> id.equals(earlier.getCallId()) || id.equals(later.getCallId()))
                .toList();

        assertEquals(List.of(earlier.getCallId(), later.getCallId()), ids);
    }

    @Test
    void refreshSeesWhatAnotherTransactionCommitted() {
        String callId = persisted(newCall(T0));

        CallState seen = fromTransaction(em -> {
            CallRepository repository = new CallRepository(em);
            Call call = repository.findById(callId).orElseThrow();
            inTransaction(other ->
                    new CallRepository(other).findById(callId).orElseThrow().ring(T0));
            repository.refresh(call);
            return call.getState();
        });

        assertEquals(CallState.RINGING, seen);
    }

    @Test
    void tokensFindTheConnectedCallAndNothingOnceItEnded() {
        String playback = uniqueId("play");
        String uplink = uniqueId("up");
        Call call = newCall(T0);
        call.connect(T0, playback, uplink);
        String callId = persisted(call);

        assertEquals(
                callId,
                fromTransaction(em -> new CallRepository(em).findByPlaybackToken(playback))
                        .orElseThrow()
                        .getCallId());
        assertEquals(
                callId,
                fromTransaction(em -> new CallRepository(em).findByUplinkToken(uplink))
                        .orElseThrow()
                        .getCallId());

        inTransaction(
                em -> new CallRepository(em).findById(callId).orElseThrow().release(T0.plusSeconds(9), null));

        assertTrue(fromTransaction(em -> new CallRepository(em).findByPlaybackToken(playback))
                .isEmpty());
        assertTrue(fromTransaction(em -> new CallRepository(em).findByUplinkToken(uplink))
                .isEmpty());
    }

    @Test
    void aPlaybackTokenIsUniqueInTheDatabase() {
        String playback = uniqueId("play");
        Call first = newCall(T0);
        first.connect(T0, playback, uniqueId("up"));
        persisted(first);
        Call second = newCall(T0);
        second.connect(T0, playback, uniqueId("up"));

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> persisted(second));

        assertEquals("23505", TestDatabase.sqlState(thrown), thrown::toString);
    }

    @Test
    void anUplinkTokenIsUniqueInTheDatabase() {
        String uplink = uniqueId("up");
        Call first = newCall(T0);
        first.connect(T0, uniqueId("play"), uplink);
        persisted(first);
        Call second = newCall(T0);
        second.connect(T0, uniqueId("play"), uplink);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> persisted(second));

        assertEquals("23505", TestDatabase.sqlState(thrown), thrown::toString);
    }

    @Test
    void aCallToAnUnknownChannelIsRefusedByTheDatabase() {
        Call call = new Call(UUID.randomUUID().toString(), uniqueId("nowhere"), requester, destination, T0);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> persisted(call));

        // Integrity constraint violation: 23503 in PostgreSQL, 23506 in H2.
        assertTrue(String.valueOf(TestDatabase.sqlState(thrown)).startsWith("23"), thrown::toString);
    }
}

package org.replycast.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.persistence.TestDatabase.fromTransaction;
import static org.replycast.persistence.TestDatabase.inTransaction;
import static org.replycast.persistence.TestDatabase.uniqueId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.replycast.call.Call;
import org.replycast.call.CallRepository;
import org.replycast.call.CallState;
import org.replycast.persistence.TestDatabase;

/** Channels are stored with all their settings, found, listed in order and found by status. */
class ChannelRepositoryTest {

    @Test
    void persistedChannelIsFoundWithItsSettings() {
        String channelId = uniqueId("hall");
        inTransaction(em -> {
            Channel channel = new Channel(channelId, "Main hall", "Europe/Paris", "rtsp://camera/1", "key-1");
            channel.setPlace("Rue de la Paix 1, Paris");
            channel.setMaxConnectedCalls(3);
            channel.setMaxCallSeconds(600);
            channel.setMaxMessageBytes(5_000_000_000L);
            channel.setMaxMessageSeconds(30);
            channel.setModeration(ModerationMode.MANUAL);
            channel.setForwardUrl("https://venue.example.org/hook");
            channel.changeStatus(ChannelStatus.FAILED, "no signal");
            new ChannelRepository(em).persist(channel);
        });

        Channel found = fromTransaction(em -> new ChannelRepository(em).findById(channelId))
                .orElseThrow();

        assertEquals("Main hall", found.getName());
        assertEquals("Rue de la Paix 1, Paris", found.getPlace());
        assertEquals("Europe/Paris", found.getTimeZone());
        assertEquals("rtsp://camera/1", found.getSource());
        assertEquals(3, found.getMaxConnectedCalls());
        assertEquals(600, found.getMaxCallSeconds());
        assertEquals(5_000_000_000L, found.getMaxMessageBytes());
        assertEquals(30, found.getMaxMessageSeconds());
        assertEquals(ModerationMode.MANUAL, found.getModeration());
        assertEquals("https://venue.example.org/hook", found.getForwardUrl());
        assertEquals("key-1", found.getDisplayKey());
        assertEquals(ChannelStatus.FAILED, found.getStatus());
        assertEquals("no signal", found.getStatusDetail());
        assertEquals(0L, found.getVersion());
    }

    @Test
    void aChannelIsCapturedByDefaultUntilItsCaptureIsStoppedAndKeepsItsOwnLadder() {
        String captured = uniqueId("hall");
        String stopped = uniqueId("hall");
        inTransaction(em -> {
            Channel first = new Channel(captured, "Hall", "UTC", "test", "key-1");
            first.setLadder("640x360@800k");
            new ChannelRepository(em).persist(first);
            Channel second = new Channel(stopped, "Yard", "UTC", "test", "key-2");
            second.setCaptureEnabled(false);
            new ChannelRepository(em).persist(second);
        });

        List<String> ids = fromTransaction(em -> new ChannelRepository(em).findCaptured()).stream()
                .map(Channel::getChannelId)
                .toList();

        assertTrue(ids.contains(captured), ids.toString());
        assertFalse(ids.contains(stopped), ids.toString());
        assertEquals(
                "640x360@800k",
                fromTransaction(em -> new ChannelRepository(em).findById(captured))
                        .orElseThrow()
                        .getLadder());
    }

    @Test
    void aStatusReportIsRecordedWithoutChangingTheVersionAndNotForARemovedChannel() {
        String channelId = uniqueId("hall");
        String removedId = uniqueId("hall");
        inTransaction(em -> {
            new ChannelRepository(em).persist(new Channel(channelId, "Hall", "UTC", "test", "key-1"));
            Channel removed = new Channel(removedId, "Gone", "UTC", "test", "key-2");
            removed.remove(Instant.now());
            new ChannelRepository(em).persist(removed);
        });

        boolean recorded = fromTransaction(
                em -> new ChannelRepository(em).recordStatus(channelId, ChannelStatus.FAILED, "x".repeat(1500)));
        boolean recordedRemoved =
                fromTransaction(em -> new ChannelRepository(em).recordStatus(removedId, ChannelStatus.LIVE, null));

        assertTrue(recorded);
        assertFalse(recordedRemoved);
        Channel found = fromTransaction(em -> new ChannelRepository(em).findById(channelId))
                .orElseThrow();
        assertEquals(ChannelStatus.FAILED, found.getStatus());
        assertEquals(1000, found.getStatusDetail().length());
        assertEquals(0L, found.getVersion());
    }

    @Test
    void unknownChannelIsNotFound() {
        assertTrue(fromTransaction(em -> new ChannelRepository(em).findById(uniqueId("hall")))
                .isEmpty());
    }

    @Test
    void listIsOrderedById() {
        String prefix = uniqueId("hall");
        inTransaction(em -> {
            ChannelRepository channels = new ChannelRepository(em);
            channels.persist(new Channel(prefix + "-2", "Two", "UTC", "test", "k"));
            channels.persist(new Channel(prefix + "-1", "One", "UTC", "test", "k"));
        });

        List<String> ids = fromTransaction(em -> new ChannelRepository(em).list()).stream()
                .map(Channel::getChannelId)
                .filter(id -> id.startsWith(prefix))
                .toList();

        assertEquals(List.of(prefix + "-1", prefix + "-2"), ids);
    }

    @Test
    void findByStatusReturnsOnlyChannelsInThatStatus() {
        String live = uniqueId("hall");
        String stopped = uniqueId("hall");
        inTransaction(em -> {
            Channel liveChannel = new Channel(live, "Live", "UTC", "test", "k");
            liveChannel.changeStatus(ChannelStatus.LIVE, null);
            Channel stoppedChannel = new Channel(stopped, "Stopped", "UTC", "test", "k");
            stoppedChannel.changeStatus(ChannelStatus.STOPPED, null);
            new ChannelRepository(em).persist(liveChannel);
            new ChannelRepository(em).persist(stoppedChannel);
        });

        List<String> liveIds =
                fromTransaction(em -> new ChannelRepository(em).findByStatus(ChannelStatus.LIVE)).stream()
                        .map(Channel::getChannelId)
                        .toList();

        assertTrue(liveIds.contains(live));
        assertFalse(liveIds.contains(stopped));
    }

    @Test
    void aRemovedChannelIsFoundByNoLookupButKeepsItsId() {
        String channelId = TestDatabase.createChannel();

        inTransaction(em ->
                new ChannelRepository(em).findById(channelId).orElseThrow().remove(Instant.now()));

        assertTrue(fromTransaction(em -> new ChannelRepository(em).findById(channelId))
                .isEmpty());
        assertTrue(fromTransaction(em -> new ChannelRepository(em).findByIdForUpdate(channelId))
                .isEmpty());
        assertTrue((boolean) fromTransaction(em -> new ChannelRepository(em).isIdTaken(channelId)));
        assertFalse(fromTransaction(em -> new ChannelRepository(em).list()).stream()
                .anyMatch(c -> c.getChannelId().equals(channelId)));
        assertEquals(
                ChannelStatus.STOPPED,
                fromTransaction(em -> em.find(Channel.class, channelId)).getStatus());
    }

    /** The admission control of call processing rests on this: count-then-insert under the channel's lock. */
    @Test
    void lockingTheChannelSerializesCountThenInsert() throws Exception {
        String channelId = TestDatabase.createChannel();
        String terminalId = TestDatabase.createTerminal();
        int capacity = 3;
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                admitted.add(pool.submit(() -> {
                    start.await();
                    return fromTransaction(em -> {
                        new ChannelRepository(em).findByIdForUpdate(channelId).orElseThrow();
                        CallRepository calls = new CallRepository(em);
                        if (calls.countByChannelAndState(channelId, CallState.CONNECTED) >= capacity) {
                            return false;
                        }
                        Call call = new Call(
                                UUID.randomUUID().toString(), channelId, terminalId, terminalId, Instant.now());
                        call.connect(
                                Instant.now(),
                                UUID.randomUUID().toString(),
                                UUID.randomUUID().toString());
                        calls.persist(call);
                        return true;
                    });
                }));
            }
            start.countDown();
            int admittedCount = 0;
            for (Future<Boolean> outcome : admitted) {
                admittedCount += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertEquals(capacity, admittedCount);
            assertEquals((long) capacity, (long) fromTransaction(
                    em -> new CallRepository(em).countByChannelAndState(channelId, CallState.CONNECTED)));
        } finally {
            pool.shutdownNow();
        }
    }
}

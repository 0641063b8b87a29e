package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.replycast.call.Call;
import org.replycast.message.Message;
import org.replycast.persistence.TestDatabase;

/** The outbox keeps one delivery per event of a message and hands out what is due, a message's approval last. */
class ForwardingDeliveryRepositoryTest {

    // Far in the future, so that deliveries of other tests in the shared database are never due before these.
    private static final Instant T0 = Instant.parse("2100-01-01T10:00:00Z");

    private final String channelId = createChannel();
    private final String messageId = message();

    private String message() {
        String requester = createTerminal();
        String sender = createTerminal();
        Call call = new Call(UUID.randomUUID().toString(), channelId, requester, sender, T0);
        Message message = new Message(uniqueId("m"), call.getCallId(), channelId, sender, "video/webm", null, T0);
        inTransaction(em -> {
            em.persist(call);
            em.persist(message);
        });
        return message.getMessageId();
    }

    private ForwardingDelivery persisted(ForwardedEvent event, Instant at) {
        ForwardingDelivery delivery = new ForwardingDelivery(
                UUID.randomUUID().toString(), messageId, channelId, event, "http://localhost/hook", "{}", at);
        inTransaction(em -> new ForwardingDeliveryRepository(em).persist(delivery));
        return delivery;
    }

    private List<String> due(Instant now) {
        return fromTransaction(em -> new ForwardingDeliveryRepository(em).findDue(now, 100)).stream()
                .filter(d -> d.getMessageId().equals(messageId))
                .map(ForwardingDelivery::getDeliveryId)
                .toList();
    }

    private boolean exists(ForwardedEvent event) {
        Boolean exists = fromTransaction(em -> new ForwardingDeliveryRepository(em).exists(messageId, event));
        return exists;
    }

    @Test
    void anApprovalWaitsWhileTheStoredEventIsPending() {
        ForwardingDelivery stored = persisted(ForwardedEvent.STORED, T0);
        ForwardingDelivery approved = persisted(ForwardedEvent.APPROVED, T0);

        assertEquals(List.of(stored.getDeliveryId()), due(T0));

        inTransaction(em -> {
            ForwardingDelivery found = new ForwardingDeliveryRepository(em)
                    .findById(stored.getDeliveryId())
                    .orElseThrow();
            found.claim(T0, T0.plusSeconds(30));
            found.delivered("HTTP 200", T0);
        });
        assertEquals(List.of(approved.getDeliveryId()), due(T0));
        assertTrue(exists(ForwardedEvent.STORED));
    }

    @Test
    void aDeliveryIsNotDueBeforeItsTime() {
        persisted(ForwardedEvent.STORED, T0.plusSeconds(10));

        assertTrue(due(T0).isEmpty());
        assertEquals(1, due(T0.plusSeconds(10)).size());
    }

    @Test
    void aSecondDeliveryOfTheSameEventIsRefusedByTheDatabase() {
        persisted(ForwardedEvent.STORED, T0);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> persisted(ForwardedEvent.STORED, T0));

        assertTrue(String.valueOf(TestDatabase.sqlState(thrown)).startsWith("23"), thrown::toString);
        assertFalse(exists(ForwardedEvent.APPROVED));
    }
}

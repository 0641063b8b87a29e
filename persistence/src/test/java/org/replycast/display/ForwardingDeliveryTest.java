package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A delivery is due at once, claimed for one attempt at a time, retried when told, and finished once. */
class ForwardingDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static ForwardingDelivery delivery() {
        return new ForwardingDelivery(
                "d-1", "m-1", "hall-1", ForwardedEvent.STORED, "https://example.org/hook", "{}", T0);
    }

    @Test
    void aNewDeliveryIsDueAtOnce() {
        ForwardingDelivery delivery = delivery();

        assertTrue(delivery.isDue(T0));
        assertEquals(DeliveryState.PENDING, delivery.getState());
        assertEquals(0, delivery.getAttempts());
    }

    @Test
    void aClaimedDeliveryIsNotDueUntilItsClaimEnds() {
        ForwardingDelivery delivery = delivery();

        assertEquals(1, delivery.claim(T0, T0.plusSeconds(30)));

        assertFalse(delivery.isDue(T0.plusSeconds(29)));
        assertThrows(IllegalStateException.class, () -> delivery.claim(T0.plusSeconds(1), T0.plusSeconds(60)));
        assertTrue(delivery.isDue(T0.plusSeconds(30)), "a sender that died leaves it due again");
    }

    @Test
    void aFailedAttemptIsRetriedWhenToldAndGivenUpWithoutARetry() {
        ForwardingDelivery delivery = delivery();
        delivery.claim(T0, T0.plusSeconds(30));

        delivery.failed("HTTP 503", T0.plusSeconds(2));
        assertEquals(1, delivery.getAttempts());
        assertEquals(T0.plusSeconds(2), delivery.getNextAttemptAt());
        assertEquals("HTTP 503", delivery.getLastOutcome());
        assertEquals(2, delivery.claim(T0.plusSeconds(2), T0.plusSeconds(32)));

        delivery.failed("connection refused", null);
        assertEquals(DeliveryState.FAILED, delivery.getState());
        assertNull(delivery.getNextAttemptAt());
        assertFalse(delivery.isDue(T0.plusSeconds(3600)));
    }

    @Test
    void aDeliveredDeliveryIsFinished() {
        ForwardingDelivery delivery = delivery();
        delivery.claim(T0, T0.plusSeconds(30));

        delivery.delivered("HTTP 204", T0.plusSeconds(1));

        assertEquals(DeliveryState.DELIVERED, delivery.getState());
        assertEquals(T0.plusSeconds(1), delivery.getDeliveredAt());
        assertThrows(IllegalStateException.class, () -> delivery.failed("late", null));
    }
}

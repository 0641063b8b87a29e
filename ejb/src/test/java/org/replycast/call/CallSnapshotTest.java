package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A call's snapshot travels as JSON unchanged and never shows its tokens in a log. */
class CallSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    private static CallSnapshot connected() {
        Call call = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-2", T0);
        call.ring(T0);
        call.connect(T0.plusSeconds(3), "playback-secret", "uplink-secret");
        return CallSnapshot.of(call);
    }

    @Test
    void aConnectedCallReadsBackAsWritten() {
        CallSnapshot call = connected();

        assertEquals(call, CallSnapshot.fromJson(call.toJson()));
    }

    @Test
    void anEndedCallWithAbsentTimesAndTokensReadsBackAsWritten() {
        Call call = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-2", T0);
        call.ring(T0);
        call.decline(T0.plusSeconds(1));
        CallSnapshot declined = CallSnapshot.of(call);

        assertEquals(declined, CallSnapshot.fromJson(declined.toJson()));
    }

    @Test
    void toStringLeavesTheTokensOut() {
        String text = connected().toString();

        assertFalse(text.contains("secret"), text);
    }
}

package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A call's JSON has the protocol's fields, and its URLs only for the destination of a connected call. */
class CallViewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Call call = new Call(UUID.randomUUID().toString(), "hall-1", "T-1", "T-2", T0);

    @Test
    void aRingingCallHasEveryFieldAndNoUrls() {
        call.ring(T0);

        JsonObject json = CallView.of(CallSnapshot.of(call), "T-2");

        assertEquals(
                Set.of(
                        "callId",
                        "state",
                        "channelId",
                        "requesterTerminalId",
                        "destinationTerminalId",
                        "createdAt",
                        "connectedAt",
                        "endedAt",
                        "reason"),
                json.keySet());
        assertEquals("RINGING", json.getString("state"));
        assertEquals("2026-01-01T10:00:00Z", json.getString("createdAt"));
        assertEquals(JsonValue.NULL, json.get("connectedAt"));
    }

    @Test
    void theDestinationOfAConnectedCallGetsItsUrls() {
        call.connect(T0, "play-token", "up-token");

        JsonObject json = CallView.of(CallSnapshot.of(call), "T-2");

        assertEquals("/live/play-token/index.m3u8", json.getString("playbackUrl"));
        assertEquals("/gateway/up-token", json.getString("uplinkUrl"));
    }

    @Test
    void theRequesterAndAnAdministratorGetNoUrls() {
        call.connect(T0, "play-token", "up-token");

        assertFalse(CallView.of(CallSnapshot.of(call), "T-1").containsKey("playbackUrl"));
        assertFalse(CallView.of(CallSnapshot.of(call), null).containsKey("uplinkUrl"));
    }

    @Test
    void anEndedCallHasNoUrlsAndItsReason() {
        call.connect(T0, "play-token", "up-token");
        call.release(T0.plusSeconds(5), "released by T-1");

        JsonObject json = CallView.of(CallSnapshot.of(call), "T-2");

        assertFalse(json.containsKey("playbackUrl"));
        assertEquals("released by T-1", json.getString("reason"));
        assertTrue(json.getString("endedAt").startsWith("2026-01-01T10:00:05"));
    }
}

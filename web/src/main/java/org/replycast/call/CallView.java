package org.replycast.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A call's JSON as PROTOCOL.md shows it, for one viewer: every field, absent times and reason as null, and
 * the playback and uplink URLs only while the call is connected and only for the destination terminal.
 */
final class CallView {

    private CallView() {}

    /**
     * @param viewerTerminalId the terminal that reads the call; null for an administrator, who gets no URLs
     */
    static JsonObject of(CallSnapshot call, String viewerTerminalId) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("callId", call.callId())
                .add("state", call.state().name())
                .add("channelId", call.channelId())
                .add("requesterTerminalId", call.requesterTerminalId())
                .add("destinationTerminalId", call.destinationTerminalId());
        addOrNull(json, "createdAt", call.createdAt());
        addOrNull(json, "connectedAt", call.connectedAt());
        addOrNull(json, "endedAt", call.endedAt());
        addOrNull(json, "reason", call.reason());
        if (call.state() == CallState.CONNECTED
                && call.destinationTerminalId().equals(viewerTerminalId)
                && call.playbackToken() != null) {
            json.add("playbackUrl", "/live/" + call.playbackToken() + "/index.m3u8");
            json.add("uplinkUrl", "/gateway/" + call.uplinkToken());
        }
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }
}

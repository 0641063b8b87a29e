package org.replycast.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * A call as it stood after a change, detached from JPA: what the service returns, what events carry and
 * what the {@code CallEvents} topic sends as JSON. It holds the tokens of a connected call, so that every
 * node can show the destination its URLs; its {@link #toString()} leaves them out, so logs never do.
 */
public record CallSnapshot(
        String callId,
        CallState state,
        String channelId,
        String requesterTerminalId,
        String destinationTerminalId,
        Instant createdAt,
        Instant connectedAt,
        Instant endedAt,
        String reason,
        String playbackToken,
        String uplinkToken) {

    public static CallSnapshot of(Call call) {
        return new CallSnapshot(
                call.getCallId(),
                call.getState(),
                call.getChannelId(),
                call.getRequesterTerminalId(),
                call.getDestinationTerminalId(),
                call.getCreatedAt(),
                call.getConnectedAt(),
                call.getEndedAt(),
                call.getReason(),
                call.getPlaybackToken(),
                call.getUplinkToken());
    }

    /** Tells whether the terminal is one of the call's two parties. */
    public boolean hasParty(String terminalId) {
        return requesterTerminalId.equals(terminalId) || destinationTerminalId.equals(terminalId);
    }

    /** The body of the call's message on {@code CallEvents}; every field, absent values as JSON null. */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("callId", callId)
                .add("state", state.name())
                .add("channelId", channelId)
                .add("requesterTerminalId", requesterTerminalId)
                .add("destinationTerminalId", destinationTerminalId);
        add(json, "createdAt", createdAt);
        add(json, "connectedAt", connectedAt);
        add(json, "endedAt", endedAt);
        add(json, "reason", reason);
        add(json, "playbackToken", playbackToken);
        add(json, "uplinkToken", uplinkToken);
        return json.build().toString();
    }

    /** Reads what {@link #toJson()} wrote. */
    public static CallSnapshot fromJson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new CallSnapshot(
                    json.getString("callId"),
                    CallState.valueOf(json.getString("state")),
                    json.getString("channelId"),
                    json.getString("requesterTerminalId"),
                    json.getString("destinationTerminalId"),
                    instant(json, "createdAt"),
                    instant(json, "connectedAt"),
                    instant(json, "endedAt"),
                    json.getString("reason", null),
                    json.getString("playbackToken", null),
                    json.getString("uplinkToken", null));
        }
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.add(name, JsonValue.NULL);
        } else {
            json.add(name, value.toString());
        }
    }

    private static Instant instant(JsonObject json, String name) {
        String value = json.getString(name, null);
        return value == null ? null : Instant.parse(value);
    }

    @Override
    public String toString() {
        return "Call[" + callId + ", " + state + ", channel " + channelId + ", " + requesterTerminalId + " -> "
                + destinationTerminalId + "]";
    }
}

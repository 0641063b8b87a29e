package org.replycast.message;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A message's JSON as PROTOCOL.md section 6 shows it: every field, absent ones as null, and the reason of a
 * refused message; the moderators' view adds to it.
 */
public final class MessageView {

    private MessageView() {}

    /** @param bytes the bytes it has now ({@link MessageFiles#bytesOf}) */
    public static JsonObject of(Message message, long bytes) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messageId", message.getMessageId())
                .add("callId", message.getCallId())
                .add("channelId", message.getChannelId())
                .add("senderTerminalId", message.getSenderTerminalId())
                .add("state", message.getState().name())
                .add("moderation", message.getModeration().name())
                .add("contentType", message.getContentType())
                .add("bytes", bytes);
        addOrNull(json, "sha256", message.getSha256());
        json.add(
                "durationMs",
                message.getDurationMs() == null ? JsonValue.NULL : Json.createValue(message.getDurationMs()));
        addOrNull(json, "title", message.getTitle());
        addOrNull(json, "reason", message.getReason());
        addOrNull(json, "createdAt", message.getCreatedAt());
        addOrNull(json, "storedAt", message.getStoredAt());
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }
}

package org.replycast.display;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** An approved message as a display page gets it: what to play and what to show with it. */
final class DisplayMessageView {

    private DisplayMessageView() {}

    /**
     * {@code messageId}, {@code title} (when it has one), {@code senderName}, {@code contentType}, {@code
     * durationMs} (when known), {@code approvedAt}, and {@code media}: the path of its bytes below the
     * display's, to which the page adds its key.
     */
    static JsonObject of(DisplayedMessage message) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("messageId", message.messageId());
        if (message.title() != null) {
            json.add("title", message.title());
        }
        json.add("senderName", message.senderName()).add("contentType", message.contentType());
        if (message.durationMs() != null) {
            json.add("durationMs", message.durationMs());
        }
        return json.add("approvedAt", message.approvedAt().toString())
                .add("media", "media/" + message.messageId())
                .build();
    }
}

package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A display gets what it plays and shows, and the media's path below its own, never a key. */
class DisplayMessageViewTest {

    private static final Instant APPROVED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void anApprovedMessageCarriesItsTitleSenderAndMediaPath() {
        JsonObject view = DisplayMessageView.of(
                new DisplayedMessage("m-1", "hall-1", "Bravo", "Grandma's tablet", "video/webm", 8000L, APPROVED));

        assertEquals("m-1", view.getString("messageId"));
        assertEquals("Bravo", view.getString("title"));
        assertEquals("Grandma's tablet", view.getString("senderName"));
        assertEquals("video/webm", view.getString("contentType"));
        assertEquals(8000, view.getJsonNumber("durationMs").longValue());
        assertEquals("2026-01-01T10:00:00Z", view.getString("approvedAt"));
        assertEquals("media/m-1", view.getString("media"));
    }

    @Test
    void aMessageWithoutTitleOrDurationLeavesThemOut() {
        JsonObject view =
                DisplayMessageView.of(new DisplayedMessage("m-2", "hall-1", null, "T-2", "audio/ogg", null, APPROVED));

        assertFalse(view.containsKey("title"));
        assertFalse(view.containsKey("durationMs"));
    }
}

package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.replycast.message.MessageChanged;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;

/** Only a message's storing and its approval are forwarded. */
class ForwardingServiceTest {

    private static Optional<ForwardedEvent> eventOf(MessageState state, ModerationState moderation) {
        return ForwardingService.eventOf(new MessageChanged("m-1", "hall-1", "T-1", state, moderation));
    }

    @Test
    void aStoredPendingMessageIsTheStoredEvent() {
        assertEquals(Optional.of(ForwardedEvent.STORED), eventOf(MessageState.STORED, ModerationState.PENDING));
    }

    @Test
    void anApprovedStoredMessageIsTheApprovedEvent() {
        assertEquals(Optional.of(ForwardedEvent.APPROVED), eventOf(MessageState.STORED, ModerationState.APPROVED));
    }

    @Test
    void otherChangesAreNotForwarded() {
        assertEquals(Optional.empty(), eventOf(MessageState.STORED, ModerationState.REJECTED));
        assertEquals(Optional.empty(), eventOf(MessageState.RECEIVING, ModerationState.PENDING));
        assertEquals(Optional.empty(), eventOf(MessageState.REJECTED, ModerationState.PENDING));
        assertEquals(Optional.empty(), eventOf(MessageState.INCOMPLETE, ModerationState.PENDING));
    }
}

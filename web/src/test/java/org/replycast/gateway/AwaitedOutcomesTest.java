package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.replycast.message.MessageAnnounced;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;

class AwaitedOutcomesTest {

    private final AwaitedOutcomes outcomes = new AwaitedOutcomes();
    private final List<String> checked = new ArrayList<>();

    @Test
    void anAnnouncedChangeWakesTheConnectionThatAwaitsThatMessage() {
        outcomes.await("m-1", () -> checked.add("m-1"));
        outcomes.await("m-2", () -> checked.add("m-2"));

        outcomes.announced(announced("m-1"));
        outcomes.announced(announced("m-3"));

        assertEquals(List.of("m-1"), checked);
    }

    @Test
    void aConnectionThatStoppedWaitingIsNotWoken() {
        outcomes.await("m-1", () -> checked.add("m-1"));
        outcomes.stop("m-1");

        outcomes.announced(announced("m-1"));

        assertEquals(List.of(), checked);
    }

    private static MessageAnnounced announced(String messageId) {
        return new MessageAnnounced(messageId, "hall-1", MessageState.STORED, ModerationState.PENDING, false);
    }
}

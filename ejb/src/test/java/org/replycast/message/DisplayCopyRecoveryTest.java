package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a starting node asks for again: the copies of the latest stored replies that have none. */
class DisplayCopyRecoveryTest {

    private static final String SHA256 = "b".repeat(64);

    private final List<String> asked = new ArrayList<>();

    @Test
    void eachStoredReplyWithoutACopyIsAskedForOnceWithoutAClaimAboutItsVideo() {
        DisplayCopyRecovery recovery = recovery(List.of(stored("m-2"), stored("m-1")));

        recovery.askForMissingCopies();

        assertEquals(List.of("m-2", "m-1"), asked);
    }

    @Test
    void aNodeWithEveryCopyMadeAsksForNothing() {
        recovery(List.of()).askForMissingCopies();

        assertEquals(List.of(), asked);
    }

    private DisplayCopyRecovery recovery(List<Message> withoutCopy) {
        DisplayCopyRecovery recovery = new DisplayCopyRecovery();
        recovery.messages = new MessageRepository() {
            @Override
            public List<Message> findStoredWithoutDisplayCopy(int limit) {
                return withoutCopy;
            }
        };
        recovery.mediaJobs = new MediaJobPublisher() {
            @Override
            public void displayCopy(String messageId) {
                asked.add(messageId);
            }

            @Override
            public void displayCopy(ReplyStored stored) {
                throw new AssertionError("a recovered job names no probed kind");
            }
        };
        return recovery;
    }

    private static Message stored(String messageId) {
        Message message = new Message(messageId, "call-1", "hall-1", "T-1", "video/webm", null, Instant.now());
        message.receive("messages/hall-1/" + messageId + ".part", "session-1", null);
        message.countReceived(10);
        message.store(10, SHA256, 1000L, Instant.now());
        return message;
    }
}

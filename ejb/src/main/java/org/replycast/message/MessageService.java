package org.replycast.message;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.replycast.persistence.IdentifierRule;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Stored messages as their sender reads them (PROTOCOL.md, section 6): a terminal sees its own messages and
 * their bytes, and nobody else's; any other message is simply not found.
 */
@Stateless
public class MessageService {

    private static final String NOT_FOUND = "You sent no message with this id.";

    @Inject
    MessageRepository messages;

    @Inject
    MessageFiles files;

    /** The terminal's own messages, oldest first. */
    public List<Message> list(String terminalId) {
        return messages.findBySender(terminalId);
    }

    /** How many replies the channel received today, a day as the channel's time zone counts it. */
    public long countToday(String channelId, ZoneId timeZone) {
        return messages.countCreatedSince(
                channelId, LocalDate.now(timeZone).atStartOfDay(timeZone).toInstant());
    }

    /** One of the terminal's own messages; 404 {@code not-found} for any other id. */
    public Message find(String terminalId, String messageId) {
        if (!IdentifierRule.isValid(messageId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, NOT_FOUND);
        }
        return messages.findById(messageId)
                .filter(message -> message.getSenderTerminalId().equals(terminalId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, NOT_FOUND));
    }

    /** One of the terminal's stored messages with its file; 404 {@code not-found} while it is not stored. */
    public Media media(String terminalId, String messageId) {
        return media(find(terminalId, messageId));
    }

    /** A stored message with its file, the bytes as sent; 404 {@code not-found} while it is not stored. */
    public Media media(Message message) {
        if (message.getState() != MessageState.STORED || message.getMediaPath() == null) {
            throw new ProblemException(
                    ProblemType.NOT_FOUND,
                    "The message is " + message.getState() + "; only stored messages have media.");
        }
        Path file = files.resolve(message.getMediaPath());
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The message's bytes are gone.");
        }
        return new Media(message, file);
    }

    /** A stored message and the file of its bytes. */
    public record Media(Message message, Path file) {}
}

package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.replycast.data.DataDirectory;

/**
 * Where a stored message's bytes are, byte for byte as sent: {@code messages/<messageId>} in the data
 * directory. Message ids are the server's own, so they are safe as file names.
 */
@ApplicationScoped
public class MessageFiles {

    @Inject
    DataDirectory dataDirectory;

    public Path of(Message message) {
        return dataDirectory.resolve("messages").resolve(message.getMessageId());
    }
}

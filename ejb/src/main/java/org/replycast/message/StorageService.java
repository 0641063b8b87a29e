package org.replycast.message;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.replycast.call.Call;
import org.replycast.call.CallRepository;

/** The storage server: opens, fills and closes reply messages as their parts arrive from the queue. */
@Stateless
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());

    @Inject
    MessageRepository messages;

    @Inject
    CallRepository calls;

    /**
     * Opens a message in state {@code RECEIVING} for the call's channel and watching terminal. A redelivered
     * start marker finds the message there and changes nothing.
     *
     * @throws IllegalArgumentException when the call is unknown, so the marker goes to the dead-letter queue
     */
    public Message begin(String messageId, String callId, String contentType, String title) {
        var existing = messages.findById(messageId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Call call = calls.findById(callId)
                .orElseThrow(() -> new IllegalArgumentException("message " + messageId + " names no call " + callId));
        Message message = new Message(
                messageId,
                callId,
                call.getChannelId(),
                call.getDestinationTerminalId(),
                contentType,
                title,
                Instant.now());
        messages.persist(message);
        LOG.info(() -> "message " + messageId + " receiving for call " + callId + " on channel " + call.getChannelId());
        return message;
    }
}

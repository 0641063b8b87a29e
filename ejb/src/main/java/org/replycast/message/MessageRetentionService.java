package org.replycast.message;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.display.ForwardingDeliveryRepository;

/**
 * Finds what a channel's retention and a terminal's quota remove ({@link RetentionPolicy}) and removes it, one
 * message per transaction of its own: its forwarding deliveries, its row and its files, with a log line and an
 * audit record. {@link MessageRetentionScheduler} calls it in batches.
 */
@Stateless
public class MessageRetentionService {

    private static final Logger LOG = Logger.getLogger(MessageRetentionService.class.getName());

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    ForwardingDeliveryRepository deliveries;

    @Inject
    MessageFiles files;

    @Inject
    AuditLog auditLog;

    @Inject
    @ConfigProperty(name = "replycast.messages.terminal-quota-bytes")
    Optional<Long> defaultQuotaBytes;

    private RetentionPolicy policy;

    @PostConstruct
    void readPolicy() {
        policy = new RetentionPolicy(defaultQuotaBytes.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** The channels whose messages are kept for a limited time. */
    public List<Channel> channelsWithRetention() {
        return channels.findWithRetention();
    }

    /** The next batch of the channel's finished messages created before the cutoff, oldest first. */
    public List<Message> expired(String channelId, Instant cutoff, int limit) {
        return messages.findFinishedCreatedBefore(channelId, cutoff, limit);
    }

    /** The terminals whose stored messages exceed their quota. */
    public List<StoredBytes> overQuota() {
        return messages.storedBytesBySender().stream()
                .filter(policy::isOverQuota)
                .toList();
    }

    /** The next batch of the terminal's stored messages, the earliest stored first. */
    public List<Message> earliestStored(String terminalId, int limit) {
        return messages.findEarliestStoredBySender(terminalId, limit);
    }

    /**
     * Removes the message if it is still finished and created before the cutoff.
     *
     * @return whether it was removed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean removeExpired(String messageId, Instant cutoff, int retentionDays) {
        return messages.findById(messageId)
                .filter(message ->
                        !message.isContinuable() && message.getCreatedAt().isBefore(cutoff))
                .map(message -> remove(
                        message,
                        "older than the " + retentionDays + " days that channel " + message.getChannelId()
                                + " keeps its messages"))
                .orElse(false);
    }

    /**
     * Removes the message if it is still stored, to bring its sender (with the stored bytes given) within the
     * quota.
     *
     * @return whether it was removed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean removeOverQuota(String messageId, String terminalId, long storedBytes, long quotaBytes) {
        return messages.findById(messageId)
                .filter(message -> message.getState() == MessageState.STORED)
                .map(message -> remove(
                        message,
                        "terminal " + terminalId + " keeps " + storedBytes
                                + " bytes of stored messages, over its quota of " + quotaBytes))
                .orElse(false);
    }

    // The row goes first (flushed, so a refusal leaves the files alone), then the files before the commit: a
    // crash in between leaves a row without files, which the next pass removes, never files without a row.
    private boolean remove(Message message, String why) {
        String messageId = message.getMessageId();
        deliveries.deleteByMessage(messageId);
        messages.remove(message);
        messages.flush();
        try {
            files.deleteAll(message.getChannelId(), messageId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files of message " + messageId, e);
        }
        LOG.info(() -> "message " + messageId + " removed: " + why);
        auditLog.record(
                AuditKind.RETENTION,
                "message-removed",
                "server",
                message.getSenderTerminalId(),
                message.getCallId(),
                messageId + ": " + why);
        return true;
    }
}

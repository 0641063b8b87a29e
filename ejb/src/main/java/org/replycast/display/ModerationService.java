package org.replycast.display;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.channel.ModerationMode;
import org.replycast.message.DisplayNowRequested;
import org.replycast.message.Message;
import org.replycast.message.MessageChanged;
import org.replycast.message.MessageFilter;
import org.replycast.message.MessageRepository;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;
import org.replycast.problem.EntityRules;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Decides whether stored messages may be shown: automatically, in the transaction that stores a message of
 * a channel with {@code AUTO} moderation and a title its filter lets through, or by a moderator through the
 * admin API or the console, whose decisions go to the audit trail, as does sending a message to the display now. Every decision is announced as {@link MessageChanged}.
 */
@Stateless
public class ModerationService {

    /** The actor of automatic decisions. */
    public static final String SERVER = "server";

    private static final Logger LOG = Logger.getLogger(ModerationService.class.getName());

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<MessageChanged> changed;

    @Inject
    Event<DisplayNowRequested> displayNow;

    /**
     * Moderates a message that has just been stored, in the transaction that stored it: approved at once on
     * an {@code AUTO} channel, unless its title has a filtered word, which holds it for a moderator (on any
     * channel, so the moderator sees why).
     */
    public void moderateStored(@Observes MessageChanged change) {
        if (change.state() != MessageState.STORED || change.moderation() != ModerationState.PENDING) {
            return;
        }
        Message message = messages.findById(change.messageId()).orElseThrow();
        Optional<Channel> channel = channels.findById(message.getChannelId());
        if (message.getModeration() != ModerationState.PENDING || channel.isEmpty()) {
            return; // decided since, or its channel was removed: nothing to do on its own
        }
        Optional<String> filtered = channel.get().filteredWordIn(message.getTitle());
        if (filtered.isPresent()) {
            message.hold("The title contains the filtered word \"" + filtered.get() + "\".");
            LOG.info(() -> "message " + message.getMessageId() + " held for a moderator: filtered word in its title");
        } else if (channel.get().getModeration() == ModerationMode.AUTO) {
            message.moderate(ModerationState.APPROVED, SERVER, null, Instant.now());
            changed.fire(MessageChanged.of(message));
            LOG.info(() -> "message " + message.getMessageId() + " approved automatically on channel "
                    + message.getChannelId());
        }
    }

    /**
     * A moderator's decision on a stored message.
     *
     * @param reason why; required for a rejection, optional for an approval
     * @param actor the moderator's name, for the trail
     * @throws ProblemException {@code not-found}; {@code conflict} when the message is not stored or already
     *     has this decision; {@code invalid} for a reason that breaks the rule
     */
    public Message decide(String messageId, ModerationState decision, String reason, String actor) {
        if (decision == ModerationState.REJECTED && (reason == null || reason.isBlank())) {
            throw new ProblemException(ProblemType.INVALID, "reason must say why the message is rejected.");
        }
        Message message = find(messageId);
        if (message.getState() != MessageState.STORED) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Only a stored message is moderated; this one is " + message.getState() + ".");
        }
        if (message.getModeration() == decision) {
            throw new ProblemException(ProblemType.CONFLICT, "The message is already " + decision + ".");
        }
        EntityRules.enforce(() -> message.moderate(decision, actor, reason, Instant.now()));
        changed.fire(MessageChanged.of(message));
        String code = decision == ModerationState.APPROVED ? "message-approved" : "message-rejected";
        auditLog.record(
                AuditKind.MODERATION,
                code,
                actor,
                message.getSenderTerminalId(),
                message.getCallId(),
                messageId + (reason == null ? "" : ": " + reason));
        LOG.info(() -> "message " + messageId + " " + decision + " by " + actor);
        return message;
    }

    /** @throws ProblemException {@code not-found} */
    public Message find(String messageId) {
        return messages.findById(messageId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no message with this id."));
    }

    /** A page of the messages that pass the filter, oldest first. */
    public List<Message> page(MessageFilter filter, int offset, int limit) {
        return messages.page(filter, offset, limit);
    }

    /** How many messages {@link #page} pages through. */
    public long count(MessageFilter filter) {
        return messages.count(filter);
    }

    /**
     * Has the channel's displays play an approved stored message now, before what they have queued; audited
     * with the moderator's name. The displays hear it through {@link DisplayNowRequested} once this commits.
     *
     * @throws ProblemException {@code not-found}; {@code conflict} when the message is not stored and approved
     */
    public Message displayNow(String messageId, String actor) {
        Message message = find(messageId);
        if (message.getState() != MessageState.STORED || message.getModeration() != ModerationState.APPROVED) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Only an approved stored message goes to the display; this one is " + message.getState() + " and "
                            + message.getModeration() + ".");
        }
        displayNow.fire(new DisplayNowRequested(messageId, message.getChannelId()));
        auditLog.record(
                AuditKind.MODERATION,
                "message-displayed-now",
                actor,
                message.getSenderTerminalId(),
                message.getCallId(),
                messageId);
        LOG.info(() ->
                "message " + messageId + " sent to the displays of channel " + message.getChannelId() + " by " + actor);
        return message;
    }
}

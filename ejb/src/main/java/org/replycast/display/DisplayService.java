package org.replycast.display;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.message.Message;
import org.replycast.message.MessageFiles;
import org.replycast.message.MessageRepository;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;

/**
 * What a channel's display page may see: opened with the channel's display key, it gets the channel's
 * approved stored messages, in the order of their approval, and their media. An unknown channel and a wrong
 * key get the same {@code not-found}, so that a key cannot be tried against a channel known to exist.
 */
@Stateless
public class DisplayService {

    /** At most this many missed messages are sent to a display that comes back. */
    public static final int MAX_REPLAY = 100;

    // Media types a browser plays; anything else is served as bytes, never as something a browser renders.
    private static final Pattern PLAYABLE = Pattern.compile("(video|audio)/[A-Za-z0-9.+-]+(;.*)?");

    @Inject
    ChannelRepository channels;

    @Inject
    MessageRepository messages;

    @Inject
    TerminalRepository terminals;

    @Inject
    MessageFiles files;

    /**
     * Checks the display key of the channel.
     *
     * @throws ProblemException {@code not-found} for an unknown or removed channel or a wrong key
     */
    public void open(String channelId, String key) {
        channel(channelId, key);
    }

    /**
     * The channel's approved messages after the one a display saw last (an id it was sent), oldest approval
     * first; none when there is no such message, so that a display that starts afresh plays only what comes.
     */
    public List<DisplayedMessage> approvedAfter(String channelId, String lastMessageId) {
        Optional<Message> last = lastMessageId == null
                ? Optional.empty()
                : messages.findById(lastMessageId).filter(message -> isPlayable(message, channelId));
        if (last.isEmpty()) {
            return List.of();
        }
        return messages.findApprovedAfter(channelId, last.get(), MAX_REPLAY).stream()
                .map(this::displayed)
                .toList();
    }

    /** The message as displays show it, when it is an approved stored message of the channel. */
    public Optional<DisplayedMessage> approved(String channelId, String messageId) {
        return messages.findById(messageId)
                .filter(message -> isPlayable(message, channelId))
                .map(this::displayed);
    }

    /**
     * The media of an approved stored message of the channel.
     *
     * @throws ProblemException {@code not-found} for a wrong key, or a message the display may not play
     */
    public DisplayMedia media(String channelId, String key, String messageId) {
        channel(channelId, key);
        Message message = messages.findById(messageId)
                .filter(found -> isPlayable(found, channelId))
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "There is no approved message with this id on this display."));
        return playable(message);
    }

    /**
     * What a player gets of a stored message: its playable copy, the one every browser plays; until the media
     * worker has made it, the reply as sent (as plain bytes when its type is not one a browser plays).
     */
    public DisplayMedia playable(Message message) {
        if (message.getPlayablePath() != null) {
            return new DisplayMedia(files.resolve(message.getPlayablePath()), message.getPlayableContentType());
        }
        String type = PLAYABLE.matcher(message.getContentType()).matches()
                ? message.getContentType()
                : "application/octet-stream";
        return new DisplayMedia(files.resolve(message.getMediaPath()), type);
    }

    private Channel channel(String channelId, String key) {
        return channels.findById(channelId)
                .filter(channel -> key != null && sameKey(channel.getDisplayKey(), key))
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "There is no display at this address, or its key is wrong."));
    }

    private static boolean sameKey(String expected, String given) {
        // In constant time, so that the answer's timing tells nothing about how much of a key was right.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isPlayable(Message message, String channelId) {
        return message.getChannelId().equals(channelId)
                && message.getState() == MessageState.STORED
                && message.getModeration() == ModerationState.APPROVED;
    }

    private DisplayedMessage displayed(Message message) {
        return new DisplayedMessage(
                message.getMessageId(),
                message.getChannelId(),
                message.getTitle(),
                terminals
                        .findById(message.getSenderTerminalId())
                        .map(Terminal::getDisplayName)
                        .orElse(message.getSenderTerminalId()),
                message.getContentType(),
                message.getDurationMs(),
                message.getModeratedAt());
    }
}

package org.replycast.message;

/**
 * A CDI event, fired inside the transaction that changed a message's state or moderation; {@link
 * MessageEventPublisher} announces it on the topic {@code MessageEvents} only after a successful commit.
 */
public record MessageChanged(
        String messageId, String channelId, String senderTerminalId, MessageState state, ModerationState moderation) {

    /** The event for the message as it is now. */
    public static MessageChanged of(Message message) {
        return new MessageChanged(
                message.getMessageId(),
                message.getChannelId(),
                message.getSenderTerminalId(),
                message.getState(),
                message.getModeration());
    }
}

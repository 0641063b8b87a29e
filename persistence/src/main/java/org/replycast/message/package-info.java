/**
 * Messages: the video or audio replies that a destination terminal sends through the gateway during a
 * connected call, from their first bytes to storage and moderation. {@link org.replycast.message.Message}
 * guards its own states ({@link org.replycast.message.MessageState}, {@link
 * org.replycast.message.ModerationState}); {@link org.replycast.message.MessageRepository} finds messages by
 * id, by sender and by channel.
 */
package org.replycast.message;

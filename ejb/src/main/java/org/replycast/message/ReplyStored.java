package org.replycast.message;

/**
 * A CDI event, fired inside the transaction that stores a reply; {@link MediaJobPublisher} asks for its display
 * copy once that transaction has committed.
 *
 * @param hasVideo whether the prober found video in it
 */
public record ReplyStored(String messageId, boolean hasVideo) {}

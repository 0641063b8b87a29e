package org.replycast.message;

/** Where a {@link Message}'s bytes are: still arriving, stored whole, refused, or cut off. */
public enum MessageState {
    /** Bytes are arriving. */
    RECEIVING,
    /** Every byte is durable and the checksum matched. */
    STORED,
    /** Refused, for example because it is not audio or video; the reason says why. */
    REJECTED,
    /** The connection ended before the end signal; the message can be resumed. */
    INCOMPLETE
}

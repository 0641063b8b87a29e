package org.replycast.message;

/**
 * The JMS properties of a message on {@code UplinkSegments}, shared by its publisher and its consumer.
 * One message group per reply keeps its parts in order; the duplicate id makes a resend harmless.
 */
public final class UplinkSegmentHeaders {

    /** What the JMS message carries: one of the kinds below. */
    public static final String KIND = "replycastKind";

    public static final String MESSAGE_ID = "replycastMessageId";
    /** The byte offset in the reply of a segment's first byte. */
    public static final String OFFSET = "replycastOffset";
    /** The whole length of the reply, on the end marker. */
    public static final String LENGTH = "replycastLength";
    /** The lower-case hex SHA-256 of the whole reply, on the end marker. */
    public static final String SHA256 = "replycastSha256";
    /** The gateway connection that takes over the reply, on a resume or suspend marker. */
    public static final String SESSION = "replycastSession";
    /** Why the reply is dropped, a {@link MessageRejection} name, on an abort marker. */
    public static final String REJECTION = "replycastRejection";

    public static final String REASON = "replycastReason";

    /** The start signal of a reply: its file is created. */
    public static final String START = "start";
    /** A segment of the reply's bytes (a BytesMessage of at most {@link UplinkService#SEGMENT_BYTES}). */
    public static final String SEGMENT = "segment";
    /** The end signal: every byte was sent. */
    public static final String END = "end";
    /** The sender's connection dropped before the end: the reply waits for a resume. */
    public static final String SUSPEND = "suspend";
    /** A new connection of the sender continues the reply. */
    public static final String RESUME = "resume";
    /** The reply is dropped (by its sender, or refused by the gateway). */
    public static final String ABORT = "abort";

    /** Artemis drops a second message with the same value of this property. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** The JMS message group: one consumer takes a group's messages in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    private UplinkSegmentHeaders() {}
}

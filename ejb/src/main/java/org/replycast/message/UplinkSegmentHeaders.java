package org.replycast.message;

/**
 * The JMS properties of a message on {@code UplinkSegments}, shared by its publisher and its consumer.
 * One message group per reply keeps its parts in order; the duplicate id makes a resend harmless.
 */
public final class UplinkSegmentHeaders {

    /** What the JMS message carries: {@link #START}, a segment or the end marker. */
    public static final String KIND = "replycastKind";

    public static final String MESSAGE_ID = "replycastMessageId";
    public static final String CALL_ID = "replycastCallId";
    public static final String CONTENT_TYPE = "replycastContentType";
    public static final String TITLE = "replycastTitle";

    /** The start signal of a reply. */
    public static final String START = "start";

    /** Artemis drops a second message with the same value of this property. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private UplinkSegmentHeaders() {}
}

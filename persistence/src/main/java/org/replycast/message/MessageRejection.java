package org.replycast.message;

/**
 * Why a {@link Message} was refused, as a stable code that the gateway hands to its sender ({@link #code()});
 * the message's reason says the same to a person.
 */
public enum MessageRejection {
    /** The sender dropped the message ({@code abort}). */
    ABORTED("aborted"),
    /** A segment was larger than the gateway takes. */
    FRAME_TOO_LARGE("frame-too-large"),
    /** The message is larger than its channel allows, or than the sender declared. */
    TOO_LARGE("message-too-large"),
    /** The bytes taken do not have the SHA-256 that the end signal named. */
    CHECKSUM_MISMATCH("checksum-mismatch"),
    /** The media prober finds no audio or video in it. */
    NOT_MEDIA("not-media"),
    /** It plays longer than its channel allows. */
    TOO_LONG("too-long");

    private final String code;

    MessageRejection(String code) {
        this.code = code;
    }

    /** The code as the protocol's error messages carry it, such as {@code checksum-mismatch}. */
    public String code() {
        return code;
    }
}

package org.replycast.gateway;

/**
 * The numbers of tus headers: {@code Upload-Length} (or {@code Upload-Defer-Length: 1}) at creation, {@code
 * Upload-Length} on a later {@code PATCH} of a deferred upload, and {@code Upload-Offset}. Each is a
 * non-negative decimal; anything else is refused with the header's name, for a 400.
 */
final class TusLength {

    // More digits than a long holds are no length an upload can have.
    private static final int MAX_DIGITS = 18;

    private TusLength() {}

    /**
     * The length declared at creation, or null when it is deferred.
     *
     * @throws IllegalArgumentException unless exactly one of the two headers is given, well formed
     */
    static Long declared(String uploadLength, String deferLength) {
        if (uploadLength != null && deferLength != null) {
            throw new IllegalArgumentException("Send either Upload-Length or Upload-Defer-Length, not both.");
        }
        if (deferLength != null) {
            if (!deferLength.strip().equals("1")) {
                throw new IllegalArgumentException("Upload-Defer-Length can only be 1.");
            }
            return null;
        }
        if (uploadLength == null) {
            throw new IllegalArgumentException("A creation needs Upload-Length, or Upload-Defer-Length: 1.");
        }
        return number("Upload-Length", uploadLength);
    }

    /** The {@code Upload-Length} a {@code PATCH} may carry once a deferred length is known, or null. */
    static Long late(String uploadLength) {
        return uploadLength == null ? null : number("Upload-Length", uploadLength);
    }

    /** The {@code Upload-Offset} every {@code PATCH} carries. */
    static long offset(String uploadOffset) {
        if (uploadOffset == null) {
            throw new IllegalArgumentException("A PATCH needs Upload-Offset.");
        }
        return number("Upload-Offset", uploadOffset);
    }

    private static long number(String header, String value) {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(header + " must be a whole number of bytes, not \"" + value + "\".");
        }
        return Long.parseLong(digits);
    }
}

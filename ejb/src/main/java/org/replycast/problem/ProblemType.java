package org.replycast.problem;

/** The problem codes of the terminal protocol (PROTOCOL.md), with the HTTP status and title of each. */
public enum ProblemType {
    INVALID("invalid", 400, "The request breaks a rule"),
    SIGNATURE_MISSING("signature-missing", 401, "The request is not signed"),
    SIGNATURE_INVALID("signature-invalid", 401, "The signature does not verify"),
    CLOCK_SKEW("clock-skew", 401, "The request's time is too far from the server's"),
    REPLAYED("replayed", 401, "The nonce was already used"),
    UNAUTHORIZED("unauthorized", 401, "Sign-in required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    TERMINAL_DISABLED("terminal-disabled", 403, "The terminal is disabled"),
    OUTSIDE_SCHEDULE("outside-schedule", 403, "Outside the terminal's schedule"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "Conflict"),
    DESTINATION_UNAVAILABLE("destination-unavailable", 409, "The destination terminal is unavailable"),
    TOO_LARGE("too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    TUS_VERSION("tus-version", 412, "Unsupported tus version"),
    LOCKED("locked", 429, "Too many failed signatures"),
    // 460 is the status the tus checksum extension gives a body whose checksum does not match.
    CHECKSUM_MISMATCH("checksum-mismatch", 460, "The checksum does not match"),
    INTERNAL("internal", 500, "Internal error"),
    CAPACITY("capacity", 503, "The channel is at capacity");

    private final String code;
    private final int status;
    private final String title;

    ProblemType(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The last segment of the problem's type URI, as the protocol names it. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type of a plain HTTP error status, for errors that the web container raises itself. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL : INVALID;
        };
    }
}

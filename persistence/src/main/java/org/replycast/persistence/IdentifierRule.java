package org.replycast.persistence;

import java.util.regex.Pattern;

/**
 * The rule for identifiers that administrators choose and terminals send, such as terminal and channel ids:
 * 1 to 64 of {@code A-Z a-z 0-9 . _ -}. Entities apply it when they are created.
 */
public final class IdentifierRule {

    /** The pattern a valid identifier matches as a whole. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private IdentifierRule() {}

    /** Tells whether the value is a valid identifier. */
    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /**
     * Returns the value if it is a valid identifier.
     *
     * @param field the field's name, given in the exception so that a caller can name it to the client
     * @throws IllegalArgumentException naming the field when the value breaks the rule
     */
    public static String require(String field, String value) {
        if (!isValid(value)) {
            // The value itself stays out of the message: it may be long or arbitrary client input.
            throw new IllegalArgumentException(field + " must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }
}

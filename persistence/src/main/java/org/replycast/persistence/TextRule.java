package org.replycast.persistence;

/** The rule for free text that entities store, such as names and titles: not blank, and not too long. */
public final class TextRule {

    private TextRule() {}

    /**
     * Returns the value if it is 1 to {@code maxLength} characters and not blank.
     *
     * @param field the field's name, given in the exception so that a caller can name it to the client
     * @throws IllegalArgumentException naming the field when the value breaks the rule
     */
    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters, not blank");
        }
        return value;
    }
}

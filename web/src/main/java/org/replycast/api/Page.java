package org.replycast.api;

import java.util.List;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * One page of a collection, as the admin API answers a GET of a list: the items, how many there are in
 * all, and the offset and limit that cut this page. The query parameters {@code offset} (default 0) and
 * {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) choose the page.
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws ProblemException {@code invalid} naming {@code offset} unless it is a whole number from 0 */
    public static int offset(String text) {
        return parameter("offset", text, 0, 0, Integer.MAX_VALUE);
    }

    /** @throws ProblemException {@code invalid} naming {@code limit} unless it is 1 to {@value #MAX_LIMIT} */
    public static int limit(String text) {
        return parameter("limit", text, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    private static int parameter(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a value out of range is
        }
        throw new ProblemException(
                ProblemType.INVALID, name + " must be a whole number from " + min + " to " + max + ".");
    }
}

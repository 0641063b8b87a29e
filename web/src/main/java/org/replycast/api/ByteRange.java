package org.replycast.api;

/**
 * What a {@code Range} header selects from a file of a known length (RFC 9110, section 14): the whole file,
 * one part of it, or nothing that exists. Only single byte ranges are served; a header with several ranges or
 * one that is not well formed is ignored, which RFC 9110 allows, and the whole file is sent. Live segments and
 * stored messages are both served with it.
 */
public sealed interface ByteRange {

    /** Send the whole file, 200. */
    record Whole() implements ByteRange {}

    /** Send the bytes {@code first} to {@code last}, both included, 206. */
    record Part(long first, long last) implements ByteRange {

        public long length() {
            return last - first + 1;
        }

        public String contentRange(long fileLength) {
            return "bytes " + first + "-" + last + "/" + fileLength;
        }
    }

    /** The range starts beyond the file's end, 416. */
    record Unsatisfiable() implements ByteRange {

        public String contentRange(long fileLength) {
            return "bytes */" + fileLength;
        }
    }

    String UNIT = "bytes=";
    // 19 digits can exceed a long; more digits than a file can have bytes only mean "beyond the end".
    int MAX_DIGITS = 18;

    /** The selection of the header (null when the request has none) from a file of {@code fileLength} bytes. */
    public static ByteRange of(String header, long fileLength) {
        if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return new Whole();
        }
        // The range set is a list, so whitespace may stand around its one member.
        String spec = header.substring(UNIT.length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf(',') >= 0) {
            return new Whole();
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (first.isEmpty()) {
            return suffix(last, fileLength);
        }
        if (!isDigits(first) || !(last.isEmpty() || isDigits(last))) {
            return new Whole();
        }
        long from = number(first);
        long to = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (to < from) {
            return new Whole();
        }
        if (from >= fileLength) {
            return new Unsatisfiable();
        }
        return new Part(from, Math.min(to, fileLength - 1));
    }

    /** {@code bytes=-n}: the last n bytes, or the whole file as a part when it is shorter. */
    private static ByteRange suffix(String length, long fileLength) {
        if (!isDigits(length)) {
            return new Whole();
        }
        long suffix = number(length);
        if (suffix == 0 || fileLength == 0) {
            return new Unsatisfiable();
        }
        return new Part(Math.max(0, fileLength - suffix), fileLength - 1);
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}

package org.replycast.live;

import io.undertow.util.DateUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The version of a segment file that a response carries, as the validators {@code ETag} and
 * {@code Last-Modified}, and whether a conditional request shows that the client holds it already (RFC 9110,
 * section 13). A segment never changes once written, so its length and time identify it.
 */
record SegmentVersion(String etag, long lastModifiedMillis) {

    // Longer than a segment stays in the 10-segment window, so a player never fetches one twice; short, so a
    // shared cache forgets an ended call's segments soon. Names are never reused (numbered from the epoch).
    static final String CACHE_CONTROL = "public, max-age=60, immutable";

    // Every viewer asks for the same few newest segments, written within the same second or two: their
    // Last-Modified is formatted once, not on every request.
    private static final AtomicReference<FormattedSecond> LAST_FORMATTED =
            new AtomicReference<>(new FormattedSecond(Long.MIN_VALUE, ""));

    static SegmentVersion of(long length, long lastModifiedMillis) {
        return new SegmentVersion(
                "\"" + Long.toHexString(length) + "-" + Long.toHexString(lastModifiedMillis) + "\"",
                lastModifiedMillis);
    }

    void describe(HeaderMap responseHeaders) {
        responseHeaders.put(Headers.ETAG, etag);
        responseHeaders.put(Headers.LAST_MODIFIED, httpDate(lastModifiedMillis));
        responseHeaders.put(Headers.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** Whether If-None-Match names this version, or, without it, If-Modified-Since is not before it. */
    boolean isHeldBy(HeaderMap requestHeaders) {
        String ifNoneMatch = requestHeaders.getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch);
        }
        String ifModifiedSince = requestHeaders.getFirst(Headers.IF_MODIFIED_SINCE);
        // Not a date (parsed as null) is as if the header were absent.
        Date since = ifModifiedSince == null ? null : DateUtils.parseDate(ifModifiedSince);
        // HTTP dates have whole seconds.
        return since != null && lastModifiedMillis / 1000 <= since.getTime() / 1000;
    }

    private static String httpDate(long millis) {
        long second = Math.floorDiv(millis, 1000);
        FormattedSecond last = LAST_FORMATTED.get();
        if (last.second() != second) {
            last = new FormattedSecond(second, DateUtils.toDateString(new Date(second * 1000)));
            LAST_FORMATTED.set(last);
        }
        return last.text();
    }

    private record FormattedSecond(long second, String text) {}

    /** Weak comparison, as If-None-Match asks: W/ aside, any listed tag that equals ours, or *. */
    private boolean matchesAny(String ifNoneMatch) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}

package org.replycast.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The version of a segment file that a response carries, as the validators {@code ETag} and
 * {@code Last-Modified}, and whether a conditional request shows that the client holds it already (RFC 9110,
 * section 13). A segment never changes once written, so its length and time identify it.
 */
record SegmentVersion(String etag, long lastModifiedMillis) {

    // Longer than a segment stays in the 10-segment window, so a player never fetches one twice; short, so a
    // shared cache forgets an ended call's segments soon and never replays a name a restarted encoder reused.
    static final String CACHE_CONTROL = "public, max-age=60, immutable";

    static SegmentVersion of(long length, long lastModifiedMillis) {
        return new SegmentVersion(
                "\"" + Long.toHexString(length) + "-" + Long.toHexString(lastModifiedMillis) + "\"",
                lastModifiedMillis);
    }

    void describe(HttpServletResponse response) {
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModifiedMillis);
        response.setHeader("Cache-Control", CACHE_CONTROL);
    }

    /** Whether If-None-Match names this version, or, without it, If-Modified-Since is not before it. */
    boolean isHeldBy(HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch);
        }
        long ifModifiedSince;
        try {
            ifModifiedSince = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException notADate) {
            return false;
        }
        // HTTP dates have whole seconds.
        return ifModifiedSince >= 0 && lastModifiedMillis / 1000 <= ifModifiedSince / 1000;
    }

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

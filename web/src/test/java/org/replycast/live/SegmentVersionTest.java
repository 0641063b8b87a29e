package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import org.junit.jupiter.api.Test;

/** A segment's validators, and which conditional requests show that the client holds it (RFC 9110, 13). */
class SegmentVersionTest {

    // 2026-01-01T10:00:00.250Z
    private static final long MODIFIED = 1_767_261_600_250L;
    private final SegmentVersion version = SegmentVersion.of(120_000, MODIFIED);

    @Test
    void aSegmentIsDescribedByItsTagItsTimeAndAsImmutable() {
        HeaderMap response = new HeaderMap();

        version.describe(response);

        assertEquals("\"1d4c0-19b78fff9fa\"", response.getFirst(Headers.ETAG));
        assertEquals("Thu, 01 Jan 2026 10:00:00 GMT", response.getFirst(Headers.LAST_MODIFIED));
        assertEquals("public, max-age=60, immutable", response.getFirst(Headers.CACHE_CONTROL));
    }

    @Test
    void segmentsOfOtherSecondsCarryTheirOwnTime() {
        SegmentVersion next = SegmentVersion.of(120_000, MODIFIED + 1000);
        HeaderMap first = new HeaderMap();
        HeaderMap second = new HeaderMap();
        HeaderMap firstAgain = new HeaderMap();

        version.describe(first);
        next.describe(second);
        version.describe(firstAgain);

        assertEquals("Thu, 01 Jan 2026 10:00:01 GMT", second.getFirst(Headers.LAST_MODIFIED));
        assertEquals(first.getFirst(Headers.LAST_MODIFIED), firstAgain.getFirst(Headers.LAST_MODIFIED));
    }

    @Test
    void ifNoneMatchHoldsItWhenAnyListedTagIsOursWeakOrNotOrStar() {
        assertTrue(version.isHeldBy(request(Headers.IF_NONE_MATCH, version.etag())));
        assertTrue(version.isHeldBy(request(Headers.IF_NONE_MATCH, "\"other\", W/" + version.etag())));
        assertTrue(version.isHeldBy(request(Headers.IF_NONE_MATCH, "*")));
        assertFalse(version.isHeldBy(request(Headers.IF_NONE_MATCH, "\"other\"")));
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        HeaderMap request = request(Headers.IF_NONE_MATCH, "\"other\"");
        request.put(Headers.IF_MODIFIED_SINCE, "Fri, 01 Jan 2027 00:00:00 GMT");

        assertFalse(version.isHeldBy(request));
    }

    @Test
    void ifModifiedSinceHoldsItFromTheSecondItWasWrittenOn() {
        assertTrue(version.isHeldBy(request(Headers.IF_MODIFIED_SINCE, "Thu, 01 Jan 2026 10:00:00 GMT")));
        assertTrue(version.isHeldBy(request(Headers.IF_MODIFIED_SINCE, "Thu, 01 Jan 2026 10:00:01 GMT")));
        assertFalse(version.isHeldBy(request(Headers.IF_MODIFIED_SINCE, "Thu, 01 Jan 2026 09:59:59 GMT")));
    }

    @Test
    void withoutConditionsOrWithADateThatIsNoneTheClientHoldsNothing() {
        assertFalse(version.isHeldBy(new HeaderMap()));
        assertFalse(version.isHeldBy(request(Headers.IF_MODIFIED_SINCE, "yesterday")));
    }

    private static HeaderMap request(io.undertow.util.HttpString name, String value) {
        HeaderMap headers = new HeaderMap();
        headers.put(name, value);
        return headers;
    }
}

package org.replycast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bytes of a 1,000-byte file a Range header selects (RFC 9110, section 14). */
class ByteRangeTest {

    private static final long LENGTH = 1000;

    @Test
    void aClosedRangeIsThoseBytesBothIncluded() {
        assertEquals(new ByteRange.Part(0, 99), ByteRange.of("bytes=0-99", LENGTH));
        assertEquals(new ByteRange.Part(500, 500), ByteRange.of("bytes=500-500", LENGTH));
        assertEquals(100, new ByteRange.Part(0, 99).length());
        assertEquals("bytes 0-99/1000", new ByteRange.Part(0, 99).contentRange(LENGTH));
    }

    @Test
    void aRangeReachingPastTheEndStopsAtTheLastByte() {
        assertEquals(new ByteRange.Part(900, 999), ByteRange.of("bytes=900-5000", LENGTH));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.of("bytes=0-99999999999999999999999", LENGTH));
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertEquals(new ByteRange.Part(10, 999), ByteRange.of("bytes=10-", LENGTH));
        assertEquals(new ByteRange.Part(999, 999), ByteRange.of("bytes=999-", LENGTH));
    }

    @Test
    void aSuffixIsTheLastBytesOrTheWholeFileWhenItIsShorter() {
        assertEquals(new ByteRange.Part(900, 999), ByteRange.of("bytes=-100", LENGTH));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.of("bytes=-1000", LENGTH));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.of("bytes=-5000", LENGTH));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.of("bytes=-99999999999999999999999", LENGTH));
    }

    @Test
    void theUnitIsCaseInsensitiveAndWhitespaceMayStandAroundTheRange() {
        assertEquals(new ByteRange.Part(0, 9), ByteRange.of("Bytes=0-9", LENGTH));
        assertEquals(new ByteRange.Part(0, 9), ByteRange.of("bytes= 0-9 ", LENGTH));
        assertEquals(new ByteRange.Part(7, 9), ByteRange.of("bytes=007-9", LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5000-", "bytes=-0", "bytes=99999999999999999999-"})
    void aRangeThatStartsBeyondTheEndOrSelectsNoBytesIsUnsatisfiable(String header) {
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of(header, LENGTH));
        assertEquals("bytes */1000", new ByteRange.Unsatisfiable().contentRange(LENGTH));
    }

    @Test
    void nothingOfAnEmptyFileCanBeSelected() {
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=0-", 0));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=-10", 0));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "bytes=0-9,20-29", // several ranges: allowed to be ignored, and served whole
                "bytes=0-9,",
                "bytes=-5,-10",
                "bytes=9-0", // last before first
                "bytes=-",
                "bytes=",
                "bytes=a-9",
                "bytes=0-9a",
                "bytes=+1-9",
                "bytes=-+5",
                "bytes=1-2-3",
                "bytes=0x10-",
                "bytes 0-9",
                "bytes0-9",
                "items=0-9", // another unit
                "0-9",
                ""
            })
    void aMissingMalformedOrMultipleRangeHeaderSelectsTheWholeFile(String header) {
        assertEquals(new ByteRange.Whole(), ByteRange.of(header, LENGTH));
    }
}

package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests the live handler takes from the servlet pipeline: those a servlet mapped to /live/* would get. */
class SegmentHandlerTest {

    @ParameterizedTest
    @ValueSource(strings = {"/live", "/live/", "/live/TOKEN/index.m3u8", "/live/TOKEN/0/segment1.ts", "/live/x/y/z"})
    void pathsBelowLiveAreDistributions(String relativePath) {
        assertTrue(SegmentHandler.isLive(relativePath));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/livex", "/live.m3u8", "/lIVE/x", "/api/live/x", "/terminal/live/"})
    void otherPathsGoToTheServletPipeline(String relativePath) {
        assertFalse(SegmentHandler.isLive(relativePath));
    }
}

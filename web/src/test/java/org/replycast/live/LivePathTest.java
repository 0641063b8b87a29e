package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which request paths name a file of a call's HLS ladder, and which file in the channel's folder. */
class LivePathTest {

    private static final String TOKEN = "AbC-123_xyz";
    private static final Path CHANNEL = Path.of("/data/live/hall-1");

    @Test
    void theMasterPlaylistIsTheChannelFoldersIndex() {
        LivePath path = live("/live/" + TOKEN + "/index.m3u8");

        assertEquals(TOKEN, path.token());
        assertFalse(path.isSegment());
        assertEquals("application/vnd.apple.mpegurl", path.contentType());
        assertEquals(CHANNEL.resolve("index.m3u8"), path.fileIn(CHANNEL));
    }

    @Test
    void aMediaPlaylistIsTheIndexOfARenditionsFolder() {
        LivePath path = live("/live/" + TOKEN + "/1/index.m3u8");

        assertEquals(TOKEN, path.token());
        assertFalse(path.isSegment());
        assertEquals("application/vnd.apple.mpegurl", path.contentType());
        assertEquals(CHANNEL.resolve("1").resolve("index.m3u8"), path.fileIn(CHANNEL));
    }

    @Test
    void theConsoleNamesTheSameFilesRelativeToAChannelsFolder() {
        assertEquals(
                CHANNEL.resolve("0").resolve("segment12.ts"),
                LivePath.inChannelFolder("0/segment12.ts").orElseThrow().fileIn(CHANNEL));
        assertEquals(
                CHANNEL.resolve("index.m3u8"),
                LivePath.inChannelFolder("index.m3u8").orElseThrow().fileIn(CHANNEL));
        assertTrue(LivePath.inChannelFolder("../index.m3u8").isEmpty());
        assertTrue(LivePath.inChannelFolder("0/../../secret.ts").isEmpty());
        assertTrue(LivePath.inChannelFolder(null).isEmpty());
    }

    @Test
    void aSegmentIsAFileOfARenditionsFolder() {
        LivePath path = live("/live/" + TOKEN + "/0/segment000123.ts");

        assertEquals(TOKEN, path.token());
        assertTrue(path.isSegment());
        assertEquals("video/mp2t", path.contentType());
        assertEquals(CHANNEL.resolve("0").resolve("segment000123.ts"), path.fileIn(CHANNEL));
    }

    @Test
    void theLongestAcceptedFormsAreAccepted() {
        String longestToken = "a".repeat(128);
        LivePath path = live("/live/" + longestToken + "/999/segment9999999999.ts");

        assertEquals(longestToken, path.token());
        assertEquals(CHANNEL.resolve("999").resolve("segment9999999999.ts"), path.fileIn(CHANNEL));
    }

    @Test
    void theContextPathComesBeforeLive() {
        assertEquals(
                CHANNEL.resolve("index.m3u8"),
                LivePath.of("/replycast", "/replycast/live/" + TOKEN + "/index.m3u8")
                        .orElseThrow()
                        .fileIn(CHANNEL));
        assertEquals(Optional.empty(), LivePath.of("/replycast", "/live/" + TOKEN + "/index.m3u8"));
    }

    @Test
    void theTokenNeverAppearsInTheTextOfAPath() {
        assertEquals(
                "0/segment000001.ts",
                live("/live/" + TOKEN + "/0/segment000001.ts").toString());
        assertEquals("index.m3u8", live("/live/" + TOKEN + "/index.m3u8").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/live/",
                "/live/TOKEN",
                "/live/TOKEN/",
                "/live/TOKEN/0",
                "/live/TOKEN/0/",
                "/live//index.m3u8", // no token
                "/live/TOKEN//index.m3u8",
                "/live/TOKEN/0//segment000001.ts",
                "/live/TOKEN/index.m3u8/",
                "/live/TOKEN/../index.m3u8", // dot segments, plain and encoded
                "/live/TOKEN/./index.m3u8",
                "/live/TOKEN/0/../index.m3u8",
                "/live/TOKEN/0/../../hall-2/index.m3u8",
                "/live/../live/TOKEN/index.m3u8",
                "/live/TOKEN/%2e%2e/index.m3u8",
                "/live/TOKEN/%2E%2E/0/index.m3u8",
                "/live/TOKEN/0/%2e%2e%2findex.m3u8",
                "/live/TOKEN%2f0/index.m3u8", // encoded slashes and other escapes
                "/live/TOKEN/0%2Findex.m3u8",
                "/live/TOKEN/0/segment000001%2ets",
                "/live/TOKEN/%30/index.m3u8",
                "/live/TOKEN/0/index.m3u8%00",
                "/live/TOKEN/0\\index.m3u8", // backslash
                "/live/TOKEN;jsessionid=1/index.m3u8", // path parameters
                "/live/TOKEN/index.m3u8;x",
                "/live/TOKEN/0;x/index.m3u8",
                "/live/TOKEN/a/index.m3u8", // a rendition folder that is not digits
                "/live/TOKEN/-1/index.m3u8",
                "/live/TOKEN/1000/index.m3u8",
                "/live/TOKEN/0x1/index.m3u8",
                "/live/TOKEN/index.m3u8.tmp", // other file names
                "/live/TOKEN/0/index.m3u8.tmp",
                "/live/TOKEN/0/segment000001.ts.tmp",
                "/live/TOKEN/master.m3u8",
                "/live/TOKEN/INDEX.M3U8",
                "/live/TOKEN/0/index.m3u",
                "/live/TOKEN/0/segment.ts",
                "/live/TOKEN/0/segmentabc.ts",
                "/live/TOKEN/0/segment12345678901.ts",
                "/live/TOKEN/0/segment000001.TS",
                "/live/TOKEN/0/segment000001.m4s",
                "/live/TOKEN/0/ffmpeg.log",
                "/live/TOKEN/segment000001.ts", // a segment outside a rendition
                "/live/TOKEN/0/1/index.m3u8",
                "/live/TOKEN/0/1/segment000001.ts",
                "/live/TOK EN/index.m3u8", // token characters outside base64url
                "/live/TOK.EN/index.m3u8",
                "/live/TOK+EN/index.m3u8",
                "/live/TOK=/index.m3u8",
                "/live/TOK%41EN/index.m3u8",
                "/LIVE/TOKEN/index.m3u8",
                "/lives/TOKEN/index.m3u8",
                "/api/v1/live/TOKEN/index.m3u8"
            })
    void everyOtherPathNamesNothing(String requestUri) {
        assertEquals(Optional.empty(), LivePath.of("", requestUri.replace("TOKEN", TOKEN)));
    }

    @Test
    void aTokenLongerThanAnyTokenNamesNothing() {
        assertEquals(Optional.empty(), LivePath.of("", "/live/" + "a".repeat(129) + "/index.m3u8"));
    }

    @Test
    void noUriNamesNothing() {
        assertEquals(Optional.empty(), LivePath.of("", null));
    }

    private static LivePath live(String requestUri) {
        return LivePath.of("", requestUri).orElseThrow(() -> new AssertionError("not accepted: " + requestUri));
    }
}

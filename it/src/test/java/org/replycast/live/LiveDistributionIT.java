package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.media.CaptureSource;
import org.replycast.media.FfmpegInstallation;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestTerminals;

/**
 * Distribution as a player sees it (PROTOCOL.md, section 4), over real HTTP against the real EAR: a connected
 * call's playback URL plays in ffmpeg with picture and sound, answers with the right types, lengths, ranges,
 * cache and CORS headers, and is not found within one segment duration of the call's end; no other path or
 * token reaches a file.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class LiveDistributionIT {

    private static final String CALLS = "api/v1/calls";
    private static final String LADDER = "640x360@600k,320x180@200k";
    private static final Duration SEGMENT_DURATION = Duration.ofSeconds(1);
    // The encoder's first segments, on a busy machine.
    private static final Duration LIVE_DEADLINE = Duration.ofSeconds(60);
    private static final Pattern PLAYBACK_URL = Pattern.compile("/live/([A-Za-z0-9_-]+)/index\\.m3u8");
    private static final Pattern SEGMENT = Pattern.compile("^(segment[0-9]+\\.ts)$", Pattern.MULTILINE);
    private static final Pattern RENDITION = Pattern.compile("^([0-9]+)/index\\.m3u8$", Pattern.MULTILINE);
    private static final Pattern PROGRESS_TIME = Pattern.compile("time=(\\d+):(\\d+):(\\d+\\.\\d+)");

    private final ApiClient api = new ApiClient();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TerminalSigner terminal;
    private String channelId;
    private String callId;
    private String token;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    /** A channel of its own with the test source, a terminal, and its call to itself, connected and live. */
    @BeforeEach
    void connectedCallOnALiveChannel() throws IOException {
        channelId = TestChannels.create(api, "\"source\":\"test\",\"ladder\":\"" + LADDER + "\"");
        terminal = TestTerminals.register(api);
        HttpResponse<String> call = api.signed(terminal, "POST", CALLS, "{\"channelId\":\"" + channelId + "\"}");
        assertEquals(201, call.statusCode(), call.body());
        assertEquals("CONNECTED", ApiClient.object(call).getString("state"));
        callId = ApiClient.object(call).getString("callId");
        Matcher playback = PLAYBACK_URL.matcher(ApiClient.object(call).getString("playbackUrl"));
        assertTrue(playback.matches(), call.body());
        token = playback.group(1);
        awaitSegments(3);
    }

    @AfterEach
    void removeChannel() {
        TestChannels.remove(api, channelId);
    }

    // --- playing ------------------------------------------------------------------------------------------

    @Test
    void thePlaybackUrlPlaysInAnHlsClientWithH264PictureAndAacSound() throws Exception {
        Path log =
                Path.of(System.getProperty("replycast.it.artifacts", "target/artifacts"), "play-" + channelId + ".log");
        Files.createDirectories(log.getParent());
        Process ffmpeg = FfmpegInstallation.processBuilder(List.of(
                        new FfmpegInstallation().executable(),
                        "-hide_banner",
                        "-nostdin",
                        "-i",
                        CaptureSource.withAddress(url("index.m3u8").toString()),
                        "-t",
                        "4",
                        "-map",
                        "0",
                        "-f",
                        "null",
                        "-"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertTrue(ffmpeg.waitFor(LIVE_DEADLINE.toSeconds(), TimeUnit.SECONDS), "ffmpeg plays within a minute");
        } finally {
            ffmpeg.destroyForcibly();
        }
        String output = Files.readString(log);

        assertEquals(0, ffmpeg.exitValue(), output);
        assertTrue(output.contains("Input #0, hls"), output);
        assertTrue(
                Pattern.compile("Stream #0:\\d+.*: Video: h264").matcher(output).find(), output);
        assertTrue(
                Pattern.compile("Stream #0:\\d+.*: Audio: aac").matcher(output).find(), output);
        assertTrue(playedSeconds(output) >= 3.0, "at least 3 s of media: " + output);
    }

    // --- the end of the call ------------------------------------------------------------------------------

    @Test
    void afterTheCallIsReleasedItsPlaylistsAndSegmentsAreNotFoundWithinOneSegmentDuration() {
        String rendition = firstRendition();
        List<String> paths = List.of(
                "index.m3u8",
                rendition + "/index.m3u8",
                rendition + "/" + segments(rendition).get(0));
        for (String path : paths) {
            assertEquals(200, fetch("GET", url(path)).statusCode(), path);
        }

        HttpResponse<String> released = api.signed(terminal, "DELETE", CALLS + "/" + callId, null);

        Instant deadline = Instant.now().plus(SEGMENT_DURATION);
        assertEquals(200, released.statusCode(), released.body());
        for (String path : paths) {
            while (fetch("GET", url(path)).statusCode() != 404) {
                if (Instant.now().isAfter(deadline)) {
                    fail(path + " still served " + SEGMENT_DURATION + " after the call was released");
                }
                pause(Duration.ofMillis(20));
            }
            assertProblem(api.get(url(path)), 404, "not-found");
        }
    }

    // --- what reaches nothing -----------------------------------------------------------------------------

    @Test
    void aTokenOfNoConnectedCallIsNotFoundWhileTheCallsOwnIsServed() {
        String rendition = firstRendition();
        String segment = segments(rendition).get(0);
        String unknown = unknownToken();

        for (String path : List.of("index.m3u8", rendition + "/index.m3u8", rendition + "/" + segment)) {
            assertProblem(api.get(live(unknown, path)), 404, "not-found");
        }
        assertEquals(200, fetch("GET", url(rendition + "/" + segment)).statusCode());
    }

    @Test
    void pathsThatAreNotFilesOfTheLadderAreNotFound() {
        String rendition = firstRendition();
        String segment = segments(rendition).get(0);
        List<String> refused = List.of(
                "",
                rendition,
                rendition + "/",
                rendition + "/index.m3u8.tmp",
                rendition + "/ffmpeg.log",
                "../" + channelId + "/index.m3u8",
                rendition + "/../index.m3u8",
                "./index.m3u8",
                "%2e%2e/" + token + "/index.m3u8",
                rendition + "/%2e%2e/index.m3u8",
                rendition + "/%2E%2E/" + rendition + "/index.m3u8",
                rendition + "%2f" + segment,
                rendition + "%2F" + "index.m3u8",
                "%30/index.m3u8",
                rendition + "/" + segment.replace(".ts", "%2ets"),
                rendition + ";x=1/index.m3u8",
                "index.m3u8;jsessionid=1",
                "ffmpeg.log",
                segment,
                "a/index.m3u8",
                "master.m3u8",
                rendition + "/segment.ts",
                rendition + "/" + segment + ".tmp");
        for (String path : refused) {
            HttpResponse<String> response = api.get(live(token, path));
            assertProblem(response, 404, "not-found");
            assertEquals(
                    "*",
                    response.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                    path);
        }
        // Dot segments that leave /live/ altogether are the container's to refuse; nothing of the ladder.
        for (String path : List.of("../../" + channelId + "/index.m3u8", "../../live/" + token + "/index.m3u8")) {
            HttpResponse<byte[]> response = fetch("GET", live(token, path));
            assertEquals(404, response.statusCode(), path);
            assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("#EXTM3U"), path);
        }
    }

    // --- what a player reads ------------------------------------------------------------------------------

    @Test
    void playlistsAreUncachedHlsPlaylistsThatNameEveryRenditionAndSegmentBelowTheToken() {
        HttpResponse<byte[]> master = fetch("GET", url("index.m3u8"));

        assertServed(master, "application/vnd.apple.mpegurl");
        assertEquals("no-store", header(master, "Cache-Control"));
        String masterText = text(master);
        assertTrue(masterText.startsWith("#EXTM3U"), masterText);
        assertTrue(masterText.contains("RESOLUTION=640x360") && masterText.contains("RESOLUTION=320x180"), masterText);
        List<String> renditions =
                RENDITION.matcher(masterText).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("0", "1"), renditions, masterText);
        for (String rendition : renditions) {
            HttpResponse<byte[]> media = fetch("GET", url(rendition + "/index.m3u8"));
            assertServed(media, "application/vnd.apple.mpegurl");
            assertEquals("no-store", header(media, "Cache-Control"));
            assertTrue(text(media).contains("#EXT-X-PROGRAM-DATE-TIME:"), text(media));
            assertFalse(segments(rendition).isEmpty());
        }
    }

    @Test
    void segmentsAreImmutableMpegTransportStreamsWithValidators() {
        String path = firstRendition() + "/" + segments(firstRendition()).get(0);

        HttpResponse<byte[]> segment = fetch("GET", url(path));

        assertServed(segment, "video/mp2t");
        assertEquals("public, max-age=60, immutable", header(segment, "Cache-Control"));
        assertTrue(segment.body().length > 1000, "a second of picture and sound");
        for (int packet = 0; packet < segment.body().length; packet += 188) {
            assertEquals(0x47, segment.body()[packet], "MPEG-TS sync byte of packet " + packet / 188);
        }
        String etag = header(segment, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]+-[0-9a-f]+\""), etag);
        assertFalse(header(segment, "Last-Modified").isEmpty());

        HttpResponse<byte[]> again = fetch("GET", url(path), "If-None-Match", etag);

        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals("*", header(again, "Access-Control-Allow-Origin"));
        assertEquals(200, fetch("GET", url(path), "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void aSingleRangeIsThoseExactBytesAndARangeBeyondTheEndIsUnsatisfiable() {
        String path = firstRendition() + "/" + segments(firstRendition()).get(0);
        byte[] whole = fetch("GET", url(path)).body();
        int length = whole.length;

        HttpResponse<byte[]> middle = fetch("GET", url(path), "Range", "bytes=100-1099");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100-1099/" + length, header(middle, "Content-Range"));
        assertEquals("1000", header(middle, "Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 1100), middle.body());

        HttpResponse<byte[]> tail = fetch("GET", url(path), "Range", "bytes=-188");
        assertEquals(206, tail.statusCode());
        assertEquals("bytes " + (length - 188) + "-" + (length - 1) + "/" + length, header(tail, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(whole, length - 188, length), tail.body());

        HttpResponse<byte[]> rest = fetch("GET", url(path), "Range", "bytes=" + (length - 10) + "-");
        assertEquals(206, rest.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, length - 10, length), rest.body());

        HttpResponse<byte[]> beyond = fetch("GET", url(path), "Range", "bytes=" + length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + length, header(beyond, "Content-Range"));
        assertEquals("*", header(beyond, "Access-Control-Allow-Origin"));

        for (String ignored : List.of("bytes=0-9,20-29", "bytes=9-0", "bytes=x-", "items=0-9")) {
            HttpResponse<byte[]> full = fetch("GET", url(path), "Range", ignored);
            assertEquals(200, full.statusCode(), ignored);
            assertArrayEquals(whole, full.body(), ignored);
        }
        HttpResponse<byte[]> otherVersion =
                fetch("GET", url(path), "Range", "bytes=0-9", "If-Range", "\"another-version\"");
        assertEquals(200, otherVersion.statusCode());
        assertArrayEquals(whole, otherVersion.body());
        HttpResponse<byte[]> sameVersion =
                fetch("GET", url(path), "Range", "bytes=0-9", "If-Range", header(fetch("HEAD", url(path)), "ETag"));
        assertEquals(206, sameVersion.statusCode());
        assertArrayEquals(Arrays.copyOf(whole, 10), sameVersion.body());
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() {
        String rendition = firstRendition();
        String path = rendition + "/" + segments(rendition).get(0);
        HttpResponse<byte[]> get = fetch("GET", url(path));

        HttpResponse<byte[]> head = fetch("HEAD", url(path));

        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        for (String name : List.of("Content-Type", "Content-Length", "Accept-Ranges", "Cache-Control", "ETag")) {
            assertEquals(header(get, name), header(head, name), name);
        }
        assertEquals(String.valueOf(get.body().length), header(head, "Content-Length"));
        HttpResponse<byte[]> playlist = fetch("HEAD", url("index.m3u8"));
        assertEquals(200, playlist.statusCode());
        assertEquals("application/vnd.apple.mpegurl", header(playlist, "Content-Type"));
        assertEquals(404, fetch("HEAD", live(unknownToken(), "index.m3u8")).statusCode());
    }

    @Test
    void aPlayerOnAnyOriginMayReadPlaylistsSegmentsAndRefusals() {
        String path = firstRendition() + "/" + segments(firstRendition()).get(0);
        String origin = "https://venue.example";

        for (HttpResponse<byte[]> response : List.of(
                fetch("GET", url("index.m3u8"), "Origin", origin),
                fetch("GET", url(path), "Origin", origin, "Range", "bytes=0-187"),
                fetch("GET", live(unknownToken(), "index.m3u8"), "Origin", origin))) {
            assertEquals(
                    "*",
                    header(response, "Access-Control-Allow-Origin"),
                    response.uri().toString());
            assertEquals(
                    List.of("content-length", "content-range"),
                    Arrays.stream(header(response, "Access-Control-Expose-Headers")
                                    .split(","))
                            .map(name -> name.strip().toLowerCase())
                            .sorted()
                            .toList());
        }

        HttpResponse<byte[]> preflight = fetch(
                "OPTIONS",
                url(path),
                "Origin",
                origin,
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "range");

        assertEquals(204, preflight.statusCode());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        List<String> methods = Arrays.stream(
                        header(preflight, "Access-Control-Allow-Methods").split(","))
                .map(String::strip)
                .toList();
        assertTrue(methods.containsAll(List.of("GET", "HEAD")), methods.toString());
        assertTrue(
                header(preflight, "Access-Control-Allow-Headers").toLowerCase().contains("range"));
    }

    @Test
    void otherMethodsAreNotAllowed() {
        HttpResponse<String> post = api.send("POST", "live/" + token + "/index.m3u8", "text/plain", "x");

        assertProblem(post, 405, "method-not-allowed");
        assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElse(""));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Polls the call's first media playlist until it lists at least that many segments; fails at the deadline. */
    private void awaitSegments(int count) {
        Instant deadline = Instant.now().plus(LIVE_DEADLINE);
        while (true) {
            HttpResponse<byte[]> master = fetch("GET", url("index.m3u8"));
            if (master.statusCode() == 200 && segments(firstRendition()).size() >= count) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("channel " + channelId + " has not " + count + " segments after " + LIVE_DEADLINE);
            }
            pause(Duration.ofMillis(200));
        }
    }

    private String firstRendition() {
        Matcher rendition = RENDITION.matcher(text(fetch("GET", url("index.m3u8"))));
        return rendition.find() ? rendition.group(1) : "0";
    }

    private List<String> segments(String rendition) {
        HttpResponse<byte[]> media = fetch("GET", url(rendition + "/index.m3u8"));
        if (media.statusCode() != 200) {
            return List.of();
        }
        return SEGMENT.matcher(text(media)).results().map(m -> m.group(1)).toList();
    }

    /** The URI of a path below the call's token, taken as written: no dot segment is resolved on the way. */
    /** The call's token with its first character changed: well formed, and no call's. */
    private String unknownToken() {
        return (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
    }

    private URI url(String path) {
        return live(token, path);
    }

    private static URI live(String token, String path) {
        return URI.create(ApiClient.baseUri() + "live/" + token + "/" + path);
    }

    private HttpResponse<byte[]> fetch(String method, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri.getRawPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void assertServed(HttpResponse<byte[]> response, String contentType) {
        assertEquals(200, response.statusCode(), response.uri().toString());
        assertEquals(contentType, header(response, "Content-Type"));
        assertEquals(String.valueOf(response.body().length), header(response, "Content-Length"));
        assertEquals("bytes", header(response, "Accept-Ranges"));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The media time of ffmpeg's last progress report, in seconds. */
    private static double playedSeconds(String output) {
        double seconds = -1;
        Matcher time = PROGRESS_TIME.matcher(output);
        while (time.find()) {
            seconds = Integer.parseInt(time.group(1)) * 3600
                    + Integer.parseInt(time.group(2)) * 60
                    + Double.parseDouble(time.group(3));
        }
        return seconds;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

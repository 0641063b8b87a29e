package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * The tus gateway (PROTOCOL.md section 5) with the tus project's own Java client and with hand-made requests
 * for what that client does not do (deferred length, checksums, termination) and for every refusal; each
 * refusal leaves nothing stored and the server healthy.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class TusIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long CHANNEL_MAX_BYTES = 4_000_000;

    private static byte[] video;

    private final ApiClient api = new ApiClient();
    private final HttpClient http = HttpClient.newHttpClient();
    private TerminalSigner terminal;
    private String channelId;
    private String callId;
    private URI uploads;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @BeforeAll
    static void recordAVideo() throws Exception {
        video = TestMedia.video(3);
    }

    @BeforeEach
    void connectedCall() {
        channelId = TestChannels.create(api, "\"captureEnabled\":false,\"maxMessageBytes\":" + CHANNEL_MAX_BYTES);
        terminal = TestTerminals.register(api);
        HttpResponse<String> call =
                api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
        assertEquals(201, call.statusCode(), call.body());
        callId = ApiClient.object(call).getString("callId");
        uploads = api.uri(ApiClient.object(call).getString("uplinkUrl").substring(1) + "/tus/");
    }

    @AfterEach
    void serverStaysHealthy() {
        HttpResponse<String> ready = api.get(ApiClient.managementUri().resolve("health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        api.signed(terminal, "DELETE", "api/v1/calls/" + callId, null);
        TestChannels.remove(api, channelId);
    }

    @Test
    void theTusJavaClientUploadsAReplyThatAnotherClientResumesAndItIsStoredByteForByte() throws Exception {
        TusURLMemoryStore remembered = new TusURLMemoryStore();
        TusUploader first = client(remembered).resumeOrCreateUpload(upload());
        first.setChunkSize(32 * 1024);
        first.setRequestPayloadSize(128 * 1024);
        while (first.getOffset() < video.length / 2) {
            first.uploadChunk();
        }
        first.finish(false); // the first client stops halfway, as an app that is closed
        long stoppedAt = first.getOffset();
        String messageId = last(first.getUploadURL().getPath());

        TusUploader second = client(remembered).resumeOrCreateUpload(upload());
        assertEquals(first.getUploadURL(), second.getUploadURL(), "the same upload goes on");
        assertEquals(stoppedAt, second.getOffset(), "from the bytes the server has");
        second.setChunkSize(64 * 1024);
        while (second.uploadChunk() > -1) {
            // each chunk goes out as it is read
        }
        second.finish();

        JsonObject message = TerminalMessages.awaitState(api, terminal, messageId, "STORED", PATIENCE);
        assertEquals(TestMedia.sha256(video), message.getString("sha256"));
        assertEquals(video.length, message.getJsonNumber("bytes").longValue());
        assertEquals("video/mp4", message.getString("contentType"));
        assertEquals("Sent by tus", message.getString("title"));
        assertArrayEquals(
                video, TerminalMessages.media(api, terminal, messageId, null).body());
        HttpResponse<String> done = tus("HEAD", upload(messageId), null, "Tus-Resumable", "1.0.0");
        assertEquals(200, done.statusCode());
        assertEquals(
                String.valueOf(video.length),
                done.headers().firstValue("Upload-Offset").orElse(""));
    }

    @Test
    void aDeferredLengthWithChecksumsIsStoredAndABodyWithAWrongChecksumIsNotKept() throws Exception {
        HttpResponse<String> created = tus(
                "POST",
                uploads,
                null,
                "Tus-Resumable",
                "1.0.0",
                "Upload-Defer-Length",
                "1",
                "Upload-Metadata",
                "filetype " + base64("video/mp4"));
        assertEquals(201, created.statusCode(), created.body());
        URI upload = uploads.resolve(created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> fresh = tus("HEAD", upload, null, "Tus-Resumable", "1.0.0");
        assertEquals("1", fresh.headers().firstValue("Upload-Defer-Length").orElse(""));
        assertEquals("0", fresh.headers().firstValue("Upload-Offset").orElse(""));
        assertEquals("no-store", fresh.headers().firstValue("Cache-Control").orElse(""));
        int half = video.length / 2;
        byte[] first = Arrays.copyOfRange(video, 0, half);
        byte[] rest = Arrays.copyOfRange(video, half, video.length);

        assertEquals(
                204, patch(upload, 0, first, "sha1 " + digest("SHA-1", first)).statusCode());

        HttpResponse<String> corrupted =
                patch(upload, half, rest, "sha256 " + digest("SHA-256", first), "Upload-Length", "" + video.length);
        assertProblem(corrupted, 460, "checksum-mismatch");
        assertEquals(String.valueOf(half), offsetOf(upload), "nothing of a body with a wrong checksum is kept");

        HttpResponse<String> last =
                patch(upload, half, rest, "sha256 " + digest("SHA-256", rest), "Upload-Length", "" + video.length);
        assertEquals(204, last.statusCode(), last.body());
        assertEquals(
                String.valueOf(video.length),
                last.headers().firstValue("Upload-Offset").orElse(""));
        JsonObject message = TerminalMessages.awaitState(api, terminal, last(upload.getPath()), "STORED", PATIENCE);
        assertEquals(TestMedia.sha256(video), message.getString("sha256"));
    }

    @Test
    void optionsTellWhatTheServerSpeaks() {
        HttpResponse<String> options = tus("OPTIONS", uploads, null);
        assertEquals(204, options.statusCode());
        assertEquals("1.0.0", options.headers().firstValue("Tus-Version").orElse(""));
        assertEquals(
                "creation,creation-defer-length,termination,checksum",
                options.headers().firstValue("Tus-Extension").orElse(""));
        assertEquals(
                "sha1,sha256",
                options.headers().firstValue("Tus-Checksum-Algorithm").orElse(""));
        assertEquals(
                String.valueOf(CHANNEL_MAX_BYTES),
                options.headers().firstValue("Tus-Max-Size").orElse(""));
    }

    @Test
    void refusalsOfCreationCreateNothing() throws Exception {
        HttpResponse<String> noVersion = tus("POST", uploads, null, "Upload-Length", "10");
        assertProblem(noVersion, 412, "tus-version");
        assertEquals("1.0.0", noVersion.headers().firstValue("Tus-Version").orElse(""));
        assertProblem(
                tus("POST", uploads, null, "Tus-Resumable", "1.0.0", "Upload-Length", "" + (CHANNEL_MAX_BYTES + 1)),
                413,
                "too-large");
        assertProblem(tus("POST", uploads, null, "Tus-Resumable", "1.0.0"), 400, "invalid");
        assertProblem(
                tus(
                        "POST",
                        uploads,
                        null,
                        "Tus-Resumable",
                        "1.0.0",
                        "Upload-Length",
                        "10",
                        "Upload-Metadata",
                        "title not*base64"),
                400,
                "invalid");
        assertProblem(
                tus(
                        "POST",
                        api.uri("gateway/no-such-token/tus/"),
                        null,
                        "Tus-Resumable",
                        "1.0.0",
                        "Upload-Length",
                        "10"),
                404,
                "not-found");

        assertEquals(
                "[]",
                api.signed(terminal, "GET", "api/v1/messages", null).body().replaceAll("\\s", ""),
                "no message was opened");
    }

    @Test
    void refusalsOfPatchesKeepTheUploadAsItWas() throws Exception {
        URI upload = create(video.length);
        byte[] start = Arrays.copyOfRange(video, 0, 1000);

        assertProblem(patch(upload, 5, start, null), 409, "conflict");
        assertProblem(
                tus(
                        "PATCH",
                        upload,
                        start,
                        "Tus-Resumable",
                        "1.0.0",
                        "Upload-Offset",
                        "0",
                        "Content-Type",
                        "application/octet-stream"),
                415,
                "unsupported-media-type");
        assertProblem(patch(upload, 0, start, "md5 " + digest("MD5", start)), 400, "invalid");
        assertProblem(patch(uploads.resolve("00000000-0000-0000-0000-000000000000"), 0, start, null), 404, "not-found");
        for (String path : new String[] {"a.b", "..%2F..%2Fetc", "x%00y"}) {
            assertProblem(patch(URI.create(uploads + path), 0, start, null), 404, "not-found");
        }
        assertEquals("0", offsetOf(upload));
        JsonObject message =
                ApiClient.object(api.signed(terminal, "GET", "api/v1/messages/" + last(upload.getPath()), null));
        assertEquals("RECEIVING", message.getString("state"));
    }

    @Test
    void terminationDropsTheUpload() throws Exception {
        URI upload = create(video.length);
        assertEquals(
                204, patch(upload, 0, Arrays.copyOfRange(video, 0, 1000), null).statusCode());

        assertEquals(204, tus("DELETE", upload, null, "Tus-Resumable", "1.0.0").statusCode());

        String messageId = last(upload.getPath());
        JsonObject message = TerminalMessages.awaitState(api, terminal, messageId, "REJECTED", PATIENCE);
        assertTrue(message.getString("reason", "").contains("terminated"), message.toString());
        assertEquals(404, tus("HEAD", upload, null, "Tus-Resumable", "1.0.0").statusCode());
        assertEquals(404, TerminalMessages.media(api, terminal, messageId, null).statusCode());
    }

    @Test
    void contentThatIsNotMediaIsRejectedWithTheReason() throws Exception {
        byte[] notes = "a shopping list, not a video".repeat(100).getBytes(StandardCharsets.UTF_8);
        URI upload = create(notes.length);
        assertEquals(204, patch(upload, 0, notes, null).statusCode());

        JsonObject message = TerminalMessages.awaitState(api, terminal, last(upload.getPath()), "REJECTED", PATIENCE);
        assertTrue(message.getString("reason", "").contains("not audio or video"), message.toString());
    }

    @Test
    void afterTheCallEndsItsUploadsAreGone() throws Exception {
        URI upload = create(video.length);
        assertEquals(
                200,
                api.signed(terminal, "DELETE", "api/v1/calls/" + callId, null).statusCode());

        assertEquals(404, tus("HEAD", upload, null, "Tus-Resumable", "1.0.0").statusCode());
        assertProblem(patch(upload, 0, video, null), 404, "not-found");
    }

    private TusClient client(TusURLMemoryStore remembered) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(uploads.toURL());
        client.enableResuming(remembered);
        return client;
    }

    private static TusUpload upload() {
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(video));
        upload.setSize(video.length);
        upload.setFingerprint("the birthday reply");
        upload.setMetadata(Map.of("filetype", "video/mp4", "title", "Sent by tus"));
        return upload;
    }

    private URI create(long length) {
        HttpResponse<String> created =
                tus("POST", uploads, null, "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length));
        assertEquals(201, created.statusCode(), created.body());
        return uploads.resolve(created.headers().firstValue("Location").orElseThrow());
    }

    private URI upload(String messageId) {
        return uploads.resolve(messageId);
    }

    private String offsetOf(URI upload) {
        return tus("HEAD", upload, null, "Tus-Resumable", "1.0.0")
                .headers()
                .firstValue("Upload-Offset")
                .orElse("");
    }

    private HttpResponse<String> patch(URI upload, long offset, byte[] body, String checksum, String... more) {
        String[] headers = {
            "Tus-Resumable",
            "1.0.0",
            "Upload-Offset",
            String.valueOf(offset),
            "Content-Type",
            "application/offset+octet-stream"
        };
        if (checksum != null) {
            headers = concat(headers, "Upload-Checksum", checksum);
        }
        return tus("PATCH", upload, body, concat(headers, more));
    }

    private HttpResponse<String> tus(String method, URI uri, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(PATIENCE)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + uri + " failed", e);
        }
    }

    private static String[] concat(String[] first, String... second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}

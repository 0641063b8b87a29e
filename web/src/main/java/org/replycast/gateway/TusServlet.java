package org.replycast.gateway;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.replycast.api.ProblemDetails;
import org.replycast.call.CallTokens;
import org.replycast.call.ConnectedCall;
import org.replycast.data.DataDirectory;
import org.replycast.message.Message;
import org.replycast.message.MessageRejection;
import org.replycast.message.MessageState;
import org.replycast.message.Uplink;
import org.replycast.message.UplinkRefusal;
import org.replycast.message.UplinkService;
import org.replycast.problem.ProblemType;

/**
 * The tus gateway at {@code <uplinkUrl>/tus/} (PROTOCOL.md, section 5; tus 1.0.0 with {@code creation},
 * {@code creation-defer-length}, {@code termination} and {@code checksum}): creation is the start signal, each
 * {@code PATCH} puts its body on the queue through {@link UplinkService} (durable when answered), and reaching
 * the length is the end signal. An upload's URL is its message id under the call's token, the only credential.
 */
@WebServlet("/gateway/*")
public class TusServlet extends HttpServlet {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,creation-defer-length,termination,checksum";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private static final Logger LOG = Logger.getLogger(TusServlet.class.getName());
    private static final String EXPOSED = "Location, Upload-Offset, Upload-Length, Upload-Defer-Length, "
            + "Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm";
    private static final String ALLOWED_HEADERS = "Tus-Resumable, Upload-Length, Upload-Defer-Length, "
            + "Upload-Offset, Upload-Metadata, Upload-Checksum, Content-Type, X-HTTP-Method-Override";
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    @Inject
    CallTokens tokens;

    @Inject
    UplinkService uplinks;

    @Inject
    DataDirectory dataDirectory;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The token in the path is the credential, so a player page on any origin may upload (as for /live/).
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        response.setHeader("Tus-Resumable", VERSION);
        Optional<TusPath> path = TusPath.parse(request.getPathInfo());
        if (path.isEmpty()) {
            problem(response, ProblemType.NOT_FOUND, "There is no tus upload at this address.");
            return;
        }
        if (request.getMethod().equals("OPTIONS")) {
            options(path.get(), request, response);
            return;
        }
        if (!VERSION.equals(request.getHeader("Tus-Resumable"))) {
            response.setHeader("Tus-Version", VERSION);
            problem(
                    response,
                    ProblemType.TUS_VERSION,
                    "This server speaks tus " + VERSION + "; send Tus-Resumable: " + VERSION + ".");
            return;
        }
        Optional<ConnectedCall> call = tokens.byUplinkToken(path.get().token());
        if (call.isEmpty()) {
            problem(response, ProblemType.NOT_FOUND, "The call of this gateway is not connected (or never was).");
            return;
        }
        try {
            dispatch(path.get(), call.get(), request, response);
        } catch (UplinkRefusal refusal) {
            problem(response, statusOf(refusal), refusal.detail());
        } catch (IllegalArgumentException badHeader) {
            problem(response, ProblemType.INVALID, badHeader.getMessage());
        }
    }

    private void dispatch(TusPath path, ConnectedCall call, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String method = methodOf(request);
        if (path.isCollection() && method.equals("POST")) {
            create(path, call, request, response);
        } else if (!path.isCollection() && method.equals("HEAD")) {
            head(path, call, response);
        } else if (!path.isCollection() && method.equals("PATCH")) {
            patch(path, call, request, response);
        } else if (!path.isCollection() && method.equals("DELETE")) {
            terminate(path, call, response);
        } else {
            response.setHeader("Allow", path.isCollection() ? "POST, OPTIONS" : "HEAD, PATCH, DELETE, OPTIONS");
            problem(
                    response,
                    ProblemType.METHOD_NOT_ALLOWED,
                    "tus uses POST here, and HEAD, PATCH or DELETE on an upload.");
        }
    }

    private void options(TusPath path, HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "POST, HEAD, PATCH, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "86400");
        }
        response.setHeader("Tus-Version", VERSION);
        response.setHeader("Tus-Extension", EXTENSIONS);
        response.setHeader("Tus-Checksum-Algorithm", TusChecksum.ADVERTISED);
        tokens.byUplinkToken(path.token())
                .flatMap(uplinks::maxBytesOf)
                .ifPresent(max -> response.setHeader("Tus-Max-Size", Long.toString(max)));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Creation, the start signal. */
    private void create(TusPath path, ConnectedCall call, HttpServletRequest request, HttpServletResponse response) {
        Long length = TusLength.declared(request.getHeader("Upload-Length"), request.getHeader("Upload-Defer-Length"));
        TusMetadata metadata = TusMetadata.parse(request.getHeader("Upload-Metadata"));
        Uplink uplink = uplinks.open(
                call,
                metadata.first("contentType", "filetype", "type").orElse(DEFAULT_CONTENT_TYPE),
                metadata.first("title").orElse(null),
                length,
                newSession());
        LOG.info(() -> "message " + uplink.messageId() + " created by tus for call " + call.callId()
                + (length == null ? ", length deferred" : ", " + length + " bytes"));
        response.setHeader("Location", path.uploadPath(request.getContextPath(), uplink.messageId()));
        response.setStatus(HttpServletResponse.SC_CREATED);
    }

    private void head(TusPath path, ConnectedCall call, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Optional<Message> stored = completed(path, call);
        long offset;
        Long length;
        if (stored.isPresent()) {
            offset = stored.get().getBytes();
            length = offset;
        } else {
            Uplink uplink = uplinks.resume(call, path.messageId(), newSession());
            offset = uplink.offset();
            length = uplink.declaredBytes();
        }
        response.setHeader("Upload-Offset", Long.toString(offset));
        if (length == null) {
            response.setHeader("Upload-Defer-Length", "1");
        } else {
            response.setHeader("Upload-Length", Long.toString(length));
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }

    private void patch(TusPath path, ConnectedCall call, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith(OFFSET_OCTET_STREAM)) {
            problem(response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "A PATCH carries " + OFFSET_OCTET_STREAM + ".");
            return;
        }
        long clientOffset = TusLength.offset(request.getHeader("Upload-Offset"));
        Long lateLength = TusLength.late(request.getHeader("Upload-Length"));
        String checksumHeader = request.getHeader("Upload-Checksum");
        TusChecksum checksum = checksumHeader == null ? null : TusChecksum.parse(checksumHeader);
        Uplink uplink = uplinks.resume(call, path.messageId(), newSession());
        if (clientOffset != uplink.offset()) {
            response.setHeader("Upload-Offset", Long.toString(uplink.offset()));
            problem(
                    response,
                    ProblemType.CONFLICT,
                    "The upload has " + uplink.offset() + " bytes; continue from " + "there (Upload-Offset "
                            + clientOffset + " was sent).");
            return;
        }
        if (lateLength != null) {
            uplink = uplinks.declareLength(uplink, lateLength);
        }
        long offset = checksum == null
                ? uplinks.append(uplink, uplink.offset(), request.getInputStream())
                : appendChecked(uplink, request.getInputStream(), checksum);
        if (offset < 0) {
            response.setHeader("Upload-Offset", Long.toString(uplink.offset()));
            problem(
                    response,
                    ProblemType.CHECKSUM_MISMATCH,
                    "The body's " + checksum.algorithm()
                            + " is not the one in Upload-Checksum; nothing of it was kept.");
            return;
        }
        if (uplink.declaredBytes() != null && offset == uplink.declaredBytes()) {
            uplinks.end(uplink, offset);
            String messageId = uplink.messageId();
            LOG.info(() -> "message " + messageId + " ended by tus at " + offset + " bytes");
        }
        response.setHeader("Upload-Offset", Long.toString(offset));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * With a checksum the body is kept apart on disk (never whole in memory) until its digest is known, and
     * only a matching body goes on the queue, as the checksum extension requires.
     *
     * @return the offset after the body, or -1 when the checksum does not match
     */
    private long appendChecked(Uplink uplink, InputStream body, TusChecksum checksum) throws IOException {
        Path spool = dataDirectory.resolve("tmp").resolve("tus-" + UUID.randomUUID());
        Files.createDirectories(spool.getParent());
        try {
            MessageDigest digest = checksum.newDigest();
            Files.copy(new DigestInputStream(body, digest), spool, StandardCopyOption.REPLACE_EXISTING);
            if (!checksum.matches(digest)) {
                return -1;
            }
            try (InputStream checked = Files.newInputStream(spool)) {
                return uplinks.append(uplink, uplink.offset(), checked);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Termination: the sender drops the upload. */
    private void terminate(TusPath path, ConnectedCall call, HttpServletResponse response) {
        uplinks.terminate(call, path.messageId());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** A stored upload of this call: its offset is its length, so a client that resumes it sees it is done. */
    private Optional<Message> completed(TusPath path, ConnectedCall call) {
        return uplinks.find(path.messageId())
                .filter(message -> message.getCallId().equals(call.callId()))
                .filter(message -> message.getState() == MessageState.STORED);
    }

    /**
     * The method meant: clients on stacks without {@code PATCH} or {@code DELETE} (tus-java-client on Java's
     * {@code HttpURLConnection}) send a {@code POST} that names it in {@code X-HTTP-Method-Override}.
     */
    private static String methodOf(HttpServletRequest request) {
        String override = request.getHeader("X-HTTP-Method-Override");
        return request.getMethod().equals("POST") && override != null ? override.strip() : request.getMethod();
    }

    private static ProblemType statusOf(UplinkRefusal refusal) {
        String code = refusal.code();
        if (code.equals(UplinkRefusal.NOT_FOUND) || code.equals(UplinkRefusal.NOT_RESUMABLE)) {
            return ProblemType.NOT_FOUND;
        }
        if (code.equals(UplinkRefusal.INVALID)) {
            return ProblemType.INVALID;
        }
        if (code.equals(MessageRejection.TOO_LARGE.code()) || code.equals(MessageRejection.FRAME_TOO_LARGE.code())) {
            return ProblemType.TOO_LARGE;
        }
        return ProblemType.CONFLICT;
    }

    private static String newSession() {
        return "tus-" + UUID.randomUUID();
    }

    private static void problem(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        byte[] body = ProblemDetails.json(type, detail, null).getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status());
        response.setContentType(ProblemDetails.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

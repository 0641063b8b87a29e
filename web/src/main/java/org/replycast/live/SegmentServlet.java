package org.replycast.live;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.replycast.api.ByteRange;
import org.replycast.api.FileBody;
import org.replycast.api.ProblemDetails;
import org.replycast.call.CallTokens;
import org.replycast.problem.ProblemType;

/**
 * Distribution: serves a connected call's live HLS ladder at {@code /live/{token}/...} (PROTOCOL.md, section 4)
 * from the channel's folder that the media worker fills. The token, looked up in {@link CallTokens}, is the
 * only credential; anything that is not a file of a connected call's ladder is 404 {@code not-found}.
 */
@WebServlet(name = "SegmentServlet", urlPatterns = "/live/*")
public class SegmentServlet extends HttpServlet {

    // A live playlist changes every segment and dies with its call's token: no cache may keep or replay it.
    private static final String PLAYLIST_CACHE = "no-store";
    private static final String METHODS = "GET, HEAD, OPTIONS";
    private static final String NOT_FOUND_DETAIL =
            "There is no live stream at this address: the call has ended, or the address is not one of its.";

    @Inject
    CallTokens tokens;

    @Inject
    LiveFolders folders;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        allowAnyOrigin(response);
        boolean withBody = !"HEAD".equals(request.getMethod());
        Optional<LivePath> path = LivePath.of(request.getContextPath(), request.getRequestURI());
        if (path.isEmpty()) {
            problem(response, ProblemType.NOT_FOUND, NOT_FOUND_DETAIL, withBody);
            return;
        }
        switch (request.getMethod()) {
            case "GET", "HEAD" -> serve(path.get(), request, response, withBody);
            case "OPTIONS" -> preflight(response);
            default -> {
                response.setHeader("Allow", METHODS);
                problem(response, ProblemType.METHOD_NOT_ALLOWED, "Live streams are read with GET or HEAD.", true);
            }
        }
    }

    private void serve(LivePath path, HttpServletRequest request, HttpServletResponse response, boolean withBody)
            throws IOException {
        Optional<Path> file =
                tokens.byPlaybackToken(path.token()).map(call -> path.fileIn(folders.of(call.channelId())));
        if (file.isEmpty()) {
            problem(response, ProblemType.NOT_FOUND, NOT_FOUND_DETAIL, withBody);
            return;
        }
        // The encoder renames playlists into place and deletes old segments at any moment: the open channel
        // holds the one version this answer sends, and a file that went meanwhile is simply not found.
        try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
            BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                problem(response, ProblemType.NOT_FOUND, NOT_FOUND_DETAIL, withBody);
                return;
            }
            long length = channel.size();
            if (path.isSegment()) {
                SegmentVersion version =
                        SegmentVersion.of(length, attributes.lastModifiedTime().toMillis());
                version.describe(response);
                if (version.isHeldBy(request)) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    return;
                }
            } else {
                response.setHeader("Cache-Control", PLAYLIST_CACHE);
            }
            response.setContentType(path.contentType());
            response.setHeader("Accept-Ranges", "bytes");
            send(channel, ByteRange.of(rangeOf(request, response), length), length, response, withBody);
        } catch (NoSuchFileException gone) {
            problem(response, ProblemType.NOT_FOUND, NOT_FOUND_DETAIL, withBody);
        }
    }

    /** The Range header, unless an If-Range names another version than the one being served. */
    private static String rangeOf(HttpServletRequest request, HttpServletResponse response) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange != null && !ifRange.strip().equals(response.getHeader("ETag"))) {
            return null;
        }
        return request.getHeader("Range");
    }

    private static void send(
            FileChannel channel, ByteRange range, long length, HttpServletResponse response, boolean withBody)
            throws IOException {
        if (range instanceof ByteRange.Unsatisfiable unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", unsatisfiable.contentRange(length));
            response.setContentLengthLong(0);
            return;
        }
        long first = 0;
        long count = length;
        if (range instanceof ByteRange.Part part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", part.contentRange(length));
            first = part.first();
            count = part.length();
        }
        response.setContentLengthLong(count);
        if (withBody) {
            FileBody.copy(channel, first, count, response.getOutputStream());
        }
    }

    private static void preflight(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Allow", METHODS);
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        response.setHeader("Access-Control-Allow-Headers", "Range");
        response.setHeader("Access-Control-Max-Age", "86400");
    }

    /** The token is the credential, so any page may read the ladder, errors included. */
    private static void allowAnyOrigin(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range");
    }

    private static void problem(HttpServletResponse response, ProblemType type, String detail, boolean withBody)
            throws IOException {
        byte[] body = ProblemDetails.json(type, detail, null).getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status());
        response.setContentType(ProblemDetails.MEDIA_TYPE);
        // A missing playlist may exist a moment later (an encoder starting); no cache may keep the refusal.
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }
}

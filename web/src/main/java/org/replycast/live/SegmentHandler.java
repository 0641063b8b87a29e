package org.replycast.live;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.api.Deployment;
import io.undertow.servlet.api.ThreadSetupHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.replycast.api.ByteRange;
import org.replycast.api.ProblemDetails;
import org.replycast.problem.ProblemType;

/**
 * Distribution: serves a connected call's live HLS ladder at {@code /live/{token}/...} (PROTOCOL.md, section 4)
 * from the channel's folder that the media worker fills, as an Undertow handler in front of the servlet
 * pipeline, on the I/O thread whenever the token is in {@link PlaybackFolders}' memory. The token is the only
 * credential; anything that is not a file of a connected call's ladder is 404 {@code not-found}.
 */
final class SegmentHandler implements HttpHandler {

    static final String LIVE = "/live";
    // A live playlist changes every segment and dies with its call's token: no cache may keep or replay it.
    private static final String PLAYLIST_CACHE = "no-store";
    private static final String METHODS = "GET, HEAD, OPTIONS";
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final ByteBuffer NOT_FOUND = problem(
            ProblemType.NOT_FOUND,
            "There is no live stream at this address: the call has ended, or the address is not one of its.");
    private static final ByteBuffer METHOD_NOT_ALLOWED =
            problem(ProblemType.METHOD_NOT_ALLOWED, "Live streams are read with GET or HEAD.");

    private final HttpHandler next;
    private final Deployment deployment;

    SegmentHandler(HttpHandler next, Deployment deployment) {
        this.next = next;
        this.deployment = deployment;
    }

    /** Whether a request's path (relative to the web application, decoded and normalised) is Distribution's. */
    static boolean isLive(String relativePath) {
        return relativePath.startsWith(LIVE)
                && (relativePath.length() == LIVE.length() || relativePath.charAt(LIVE.length()) == '/');
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!isLive(exchange.getRelativePath())) {
            next.handleRequest(exchange);
            return;
        }
        allowAnyOrigin(exchange.getResponseHeaders());
        String method = exchange.getRequestMethod().toString();
        Optional<LivePath> path =
                LivePath.of(deployment.getServletContext().getContextPath(), requestUriAsSent(exchange));
        if (path.isEmpty()) {
            problem(exchange, StatusCodes.NOT_FOUND, NOT_FOUND);
            return;
        }
        switch (method) {
            case Methods.GET_STRING, Methods.HEAD_STRING -> serve(exchange, path.get());
            case Methods.OPTIONS_STRING -> preflight(exchange);
            default -> {
                exchange.getResponseHeaders().put(Headers.ALLOW, METHODS);
                problem(exchange, StatusCodes.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED);
            }
        }
    }

    private void serve(HttpServerExchange exchange, LivePath path) throws IOException {
        PlaybackFolders folders =
                (PlaybackFolders) deployment.getServletContext().getAttribute(PlaybackFolders.ATTRIBUTE);
        Optional<Path> remembered = folders.remembered(path.token());
        if (remembered.isPresent()) {
            send(exchange, path, remembered);
            return;
        }
        // A token not in memory is read from the database, which blocks: on a worker thread, in the web
        // application's context (class loader, naming), as a servlet would.
        ThreadSetupHandler.Action<Void, Object> lookUp = deployment.createThreadSetupAction((worker, ignored) -> {
            send(worker, path, folders.lookUp(path.token()));
            return null;
        });
        exchange.dispatch(worker -> lookUp.call(worker, null));
    }

    private static void send(HttpServerExchange exchange, LivePath path, Optional<Path> folder) throws IOException {
        if (folder.isEmpty()) {
            problem(exchange, StatusCodes.NOT_FOUND, NOT_FOUND);
            return;
        }
        Path file = path.fileIn(folder.get());
        // The encoder renames playlists into place and deletes old segments at any moment: the open channel
        // holds the one version this answer sends, and a file that went meanwhile is simply not found.
        FileChannel channel;
        BasicFileAttributes attributes;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                close(channel);
                nextListener.proceed();
            });
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            problem(exchange, StatusCodes.NOT_FOUND, NOT_FOUND);
            return;
        }
        if (!attributes.isRegularFile()) {
            problem(exchange, StatusCodes.NOT_FOUND, NOT_FOUND);
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        long length = channel.size();
        String etag = null;
        if (path.isSegment()) {
            SegmentVersion version =
                    SegmentVersion.of(length, attributes.lastModifiedTime().toMillis());
            version.describe(headers);
            if (version.isHeldBy(exchange.getRequestHeaders())) {
                exchange.setStatusCode(StatusCodes.NOT_MODIFIED).endExchange();
                return;
            }
            etag = version.etag();
        } else {
            headers.put(Headers.CACHE_CONTROL, PLAYLIST_CACHE);
        }
        headers.put(Headers.CONTENT_TYPE, path.contentType());
        headers.put(Headers.ACCEPT_RANGES, "bytes");
        ByteRange range = ByteRange.of(rangeOf(exchange.getRequestHeaders(), etag), length);
        if (range instanceof ByteRange.Unsatisfiable unsatisfiable) {
            headers.put(Headers.CONTENT_RANGE, unsatisfiable.contentRange(length));
            exchange.setStatusCode(StatusCodes.REQUEST_RANGE_NOT_SATISFIABLE).setResponseContentLength(0);
            // Closing the response, unlike ending the exchange, leaves no room for the server's error page.
            exchange.getResponseSender().close();
            return;
        }
        long first = 0;
        long count = length;
        if (range instanceof ByteRange.Part part) {
            exchange.setStatusCode(StatusCodes.PARTIAL_CONTENT);
            headers.put(Headers.CONTENT_RANGE, part.contentRange(length));
            first = part.first();
            count = part.length();
        }
        exchange.setResponseContentLength(count);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            FileTransfer.start(exchange, channel, first, count);
        }
    }

    /** The Range header, unless an If-Range names another version than the one being served. */
    private static String rangeOf(HeaderMap requestHeaders, String etag) {
        String ifRange = requestHeaders.getFirst(Headers.IF_RANGE);
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            return null;
        }
        return requestHeaders.getFirst(Headers.RANGE);
    }

    /**
     * The request's path as the client sent it, without decoding or normalisation (as a servlet's request URI),
     * so that only the form {@link LivePath} accepts reaches a file.
     */
    private static String requestUriAsSent(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        // An absolute-form request line: the path starts at the third slash.
        int slash = -1;
        for (int seen = 0; seen < 3; seen++) {
            slash = uri.indexOf('/', slash + 1);
            if (slash < 0) {
                return "/";
            }
        }
        return uri.substring(slash);
    }

    private static void preflight(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.ALLOW, METHODS);
        headers.put(ALLOW_METHODS, METHODS);
        headers.put(ALLOW_HEADERS, "Range");
        headers.put(MAX_AGE, "86400");
        exchange.setStatusCode(StatusCodes.NO_CONTENT).endExchange();
    }

    /** The token is the credential, so any page may read the ladder, errors included. */
    private static void allowAnyOrigin(HeaderMap headers) {
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(EXPOSE_HEADERS, "Content-Length, Content-Range");
    }

    /** Answers with the problem; to a HEAD request Undertow sends its length and drops the body. */
    private static void problem(HttpServerExchange exchange, int status, ByteBuffer body) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        // A missing playlist may exist a moment later (an encoder starting); no cache may keep the refusal.
        headers.put(Headers.CACHE_CONTROL, "no-store");
        exchange.setStatusCode(status).setResponseContentLength(body.remaining());
        exchange.getResponseSender().send(body.duplicate());
    }

    private static ByteBuffer problem(ProblemType type, String detail) {
        return ByteBuffer.wrap(ProblemDetails.json(type, detail, null).getBytes(StandardCharsets.UTF_8))
                .asReadOnlyBuffer();
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a file that was only read loses nothing.
        }
    }
}

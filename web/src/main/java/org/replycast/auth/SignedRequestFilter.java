package org.replycast.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Has every terminal API request verified before anything else of JAX-RS sees it (pre-matching, so an
 * unsigned client learns nothing about paths either): reads its body, at most {@value #MAX_BODY_BYTES}
 * bytes, asks {@link AuthenticationService} who signed it, and puts the terminal into the security context.
 * Refusals are thrown as problems, which the exception mapper answers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SignedRequestFilter implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String TERMINAL_API = "/api/v1/";
    private static final String ADMIN_API = "/api/v1/admin";
    private static final String DISPLAY_API = "/api/v1/display";

    @Inject
    AuthenticationService authentication;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        if (hasDotSegment(context)) {
            // The servlet container removes dot segments from its path (so /api/v1/calls/%2e%2e is /api/v1 to
            // it, outside the terminal API), while JAX-RS matches the path as sent (callId ".."): the two must
            // never disagree about which rules apply, so such a path is nothing at all.
            throw new ProblemException(ProblemType.NOT_FOUND, "There is nothing at this address.");
        }
        if (!isTerminalApi()) {
            return;
        }
        byte[] body = readBody(context);
        String terminalId = authentication.authenticate(new SignedRequest(
                context.getMethod(),
                servletRequest.getScheme(),
                authority(),
                servletRequest.getRequestURI(),
                servletRequest.getQueryString(),
                context.getHeaders()::get,
                body));
        context.setSecurityContext(new TerminalSecurityContext(
                terminalId, context.getSecurityContext().isSecure()));
    }

    /**
     * Whether the path, as the servlet container matched it against the security constraints (decoded and
     * normalized), is a terminal path; admin paths are the container's, with Keycloak bearer tokens, and
     * display paths take a channel's display key instead.
     */
    private boolean isTerminalApi() {
        String path = servletRequest.getServletPath()
                + (servletRequest.getPathInfo() == null ? "" : servletRequest.getPathInfo());
        return path.startsWith(TERMINAL_API) && !isUnder(path, ADMIN_API) && !isUnder(path, DISPLAY_API);
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether the path, as JAX-RS matches it (decoded, matrix parameters aside), has a "." or ".." segment. */
    private static boolean hasDotSegment(ContainerRequestContext context) {
        for (PathSegment segment : context.getUriInfo().getPathSegments(true)) {
            if (segment.getPath().equals(".") || segment.getPath().equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The authority the client addressed: its Host field, as HTTP/1.1 requires one. */
    private String authority() {
        String host = servletRequest.getHeader(HttpHeaders.HOST);
        return host != null ? host.strip() : servletRequest.getServerName() + ":" + servletRequest.getServerPort();
    }

    /** Reads the body for the digest check and puts it back for the resource. */
    private static byte[] readBody(ContainerRequestContext context) throws IOException {
        if (context.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        InputStream entity = context.getEntityStream();
        if (entity == null) {
            return new byte[0];
        }
        byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        context.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    private static ProblemException tooLarge() {
        return new ProblemException(
                ProblemType.TOO_LARGE, "A terminal API request body may have at most " + MAX_BODY_BYTES + " bytes.");
    }
}

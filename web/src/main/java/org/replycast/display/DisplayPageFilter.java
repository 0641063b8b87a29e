package org.replycast.display;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.replycast.persistence.IdentifierRule;

/**
 * Answers {@code /display/{channelId}} with the venue display page, the same static page for every channel
 * (it reads the channel from its address and the display key from the fragment, which no server sees); the
 * page's scripts and styles below {@code /display/assets/} are the container's static files.
 */
@WebFilter(filterName = "DisplayPageFilter", urlPatterns = "/display/*")
public class DisplayPageFilter extends HttpFilter {

    private static final String PREFIX = "/display/";
    private static final String PAGE = "/WEB-INF/display.html";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self';"
            + " connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The path as the container matched it (decoded, normalized); the default servlet serves it, so the
        // filter's own pattern leaves no path info.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String channelId = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : null;
        if (!IdentifierRule.isValid(channelId) || !"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", POLICY);
        // The page's address is shared on screens; no link it follows may pass it on.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
            page.transferTo(response.getOutputStream());
        }
    }
}

package org.replycast.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.replycast.problem.ProblemType;

/**
 * The error page for what the servlet container refuses before JAX-RS sees the request (a missing bearer
 * token, a role that does not allow the path): problem details under {@code /api/}, a short page elsewhere.
 */
@WebServlet("/error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Requested directly rather than dispatched as an error page, /error is simply not a resource.
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
        Object errorPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorPath == null ? request.getRequestURI() : errorPath.toString();
        ProblemType type = ProblemType.forStatus(status);
        String detail =
                switch (type) {
                    case UNAUTHORIZED -> "Send a bearer token from the identity provider (Keycloak) with the request.";
                    case FORBIDDEN -> "Your account has no role that allows this. Ask a Replycast administrator.";
                    case NOT_FOUND -> "There is nothing at this address.";
                    default -> "The request could not be handled as sent.";
                };
        response.setStatus(status);
        if (path.startsWith("/api/")) {
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.getWriter().write(ProblemDetails.json(type, detail, path));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><title>" + type.title()
                            + "</title></head><body><h1>" + type.title() + "</h1><p>" + detail
                            + "</p></body></html>");
        }
    }
}

package org.replycast.api;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem details. A person reads {@code
 * detail}; nothing of the server's inside (stack, SQL, paths) reaches the client.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        ProblemException problem = asProblem(thrown);
        ProblemType type = problem.type();
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Response.ResponseBuilder response = Response.status(type.status())
                .type(ProblemDetails.MEDIA_TYPE)
                .entity(ProblemDetails.json(type, problem.detail(), instance));
        problem.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    private ProblemException asProblem(Throwable thrown) {
        if (thrown instanceof EJBException wrapped && wrapped.getCause() != null) {
            return asProblem(wrapped.getCause());
        }
        if (thrown instanceof ProblemException problem) {
            return problem;
        }
        if (thrown instanceof ConstraintViolationException violations) {
            return new ProblemException(
                    ProblemType.INVALID,
                    violations.getConstraintViolations().stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        if (isUnreadableBody(thrown)) {
            return new ProblemException(
                    ProblemType.INVALID, "The request body is not valid JSON of the expected shape.");
        }
        if (thrown instanceof WebApplicationException web) {
            ProblemType type = ProblemType.forStatus(web.getResponse().getStatus());
            return new ProblemException(type, webDetail(type));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": unexpected error", thrown);
        return new ProblemException(
                ProblemType.INTERNAL,
                "The server failed to handle this request (incident " + incident
                        + "). Try again; if it persists, report the incident id.");
    }

    private static boolean isUnreadableBody(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private String webDetail(ProblemType type) {
        String path = uriInfo == null ? "this path" : uriInfo.getRequestUri().getRawPath();
        return switch (type) {
            case NOT_FOUND -> "There is nothing at " + path + ". See /openapi for the API's paths.";
            case METHOD_NOT_ALLOWED -> path + " does not take this method. See /openapi.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This resource answers application/json.";
            case UNAUTHORIZED -> "Sign the request, or send a bearer token for the admin API.";
            case FORBIDDEN -> "Your role does not allow this.";
            default -> "The request could not be handled as sent.";
        };
    }
}

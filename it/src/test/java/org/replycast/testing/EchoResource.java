package org.replycast.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * {@code /api/v1/it/echo}, in test deployments only: a signed terminal resource that answers who signed the
 * request and what body it received, so tests see what a real resource would.
 */
@Path("/v1/it/echo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @Context
    SecurityContext security;

    @GET
    public Map<String, Object> get() {
        return echo(new byte[0]);
    }

    @POST
    public Map<String, Object> post(byte[] body) {
        return echo(body);
    }

    private Map<String, Object> echo(byte[] body) {
        try {
            return Map.of(
                    "terminalId", security.getUserPrincipal().getName(),
                    "inTerminalRole", security.isUserInRole("terminal"),
                    "bodyBytes", body.length,
                    "bodySha256",
                            Base64.getEncoder()
                                    .encodeToString(
                                            MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.replycast.terminal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/terminal}: the signed terminal itself. A terminal calls it to check its id, secret and clock
 * before anything else (a terminal page's sign-in does); it costs the signature check and nothing more.
 */
@Path("/v1/terminal")
@Produces(MediaType.APPLICATION_JSON)
public class TerminalResource {

    /** Who signed, and the server's clock, against which a terminal can check its own. */
    public record SignedTerminalView(String terminalId, Instant serverTime) {}

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "The signed terminal's id and the server's time",
            description = "200 when the signature verifies; the refusals of every signed request otherwise. The"
                    + " server time lets a terminal see how far its clock is off (at most 30 s is accepted).")
    public SignedTerminalView show() {
        return new SignedTerminalView(security.getUserPrincipal().getName(), Instant.now());
    }
}

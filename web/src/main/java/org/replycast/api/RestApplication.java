package org.replycast.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The terminal API and the admin API, both under {@code /api/v1}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Replycast API",
                        version = "1",
                        description = "Terminal API: every request under /api/v1/ except /api/v1/admin/ is signed"
                                + " with HTTP Message Signatures (RFC 9421, alg hmac-sha256, keyid = terminal id, key ="
                                + " the base64url-decoded secret). Covered components: \"@method\" and \"@path\","
                                + " \"@query\" when there is a query, \"content-digest\" (RFC 9530, sha-256 or sha-512)"
                                + " when there is a body; other derived components and header fields may be covered"
                                + " too. Parameters created (Unix seconds, within 30 s of the server's clock), nonce (16"
                                + " to 256 characters, once per terminal) and keyid are required; one signature per"
                                + " request, any label. Bodies of at most 64 KiB. Refusals: 401 signature-missing,"
                                + " signature-invalid, clock-skew, replayed; 403 terminal-disabled, outside-schedule; 429"
                                + " locked with Retry-After after 5 wrong signatures in 5 minutes; 413 too-large."
                                + " Admin API: Keycloak bearer tokens with the role admin. Errors are"
                                + " application/problem+json (RFC 9457) with the codes of PROTOCOL.md."))
public class RestApplication extends Application {}

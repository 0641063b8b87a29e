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
                        description = "Terminal API (signed requests, see PROTOCOL.md) and admin API (Keycloak bearer"
                                + " tokens with the role admin). Errors are application/problem+json."))
public class RestApplication extends Application {}

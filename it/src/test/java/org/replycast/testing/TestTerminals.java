package org.replycast.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Terminals for system tests, registered through the real admin API with a Keycloak admin token; each test
 * registers its own.
 */
public final class TestTerminals {

    private static final String TERMINALS = "api/v1/admin/terminals";

    private TestTerminals() {}

    /** A new enabled terminal, as a signer with its id and secret. */
    public static TerminalSigner register(ApiClient api) {
        return register(api, "{}");
    }

    /**
     * A new terminal with the given registration fields besides its id and name, such as {@code
     * "autoAnswerSeconds": 2} (JSON members, with or without braces around them all), as a signer.
     */
    public static TerminalSigner register(ApiClient api, String extraFields) {
        String terminalId = "T-" + UUID.randomUUID().toString().substring(0, 13);
        String fields = extraFields.strip();
        if (fields.startsWith("{") && fields.endsWith("}")) {
            // One pair of braces around the members is taken off; a member's own object keeps its braces.
            fields = fields.substring(1, fields.length() - 1).strip();
        }
        HttpResponse<String> registered = api.postJson(
                TERMINALS,
                "{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"Test terminal\""
                        + (fields.isEmpty() ? "" : "," + fields) + "}",
                KeycloakServer.adminAuthorization());
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("could not register a terminal: " + registered.body());
        }
        return new TerminalSigner(terminalId, ApiClient.object(registered).getString("secret"));
    }

    /** Disables or enables the terminal. */
    public static void setEnabled(ApiClient api, String terminalId, boolean enabled) {
        HttpResponse<String> patched = api.send(
                "PATCH",
                TERMINALS + "/" + terminalId,
                "application/merge-patch+json",
                "{\"enabled\":" + enabled + "}",
                KeycloakServer.adminAuthorization());
        if (patched.statusCode() != 200) {
            throw new IllegalStateException("could not change terminal " + terminalId + ": " + patched.body());
        }
    }

    /** The terminal as an administrator sees it now, with its version, which any change raises. */
    public static JsonObject show(ApiClient api, String terminalId) {
        return ApiClient.object(api.get(TERMINALS + "/" + terminalId, KeycloakServer.adminAuthorization()));
    }
}

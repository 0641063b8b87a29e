package org.replycast.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/**
 * Terminals for system tests, registered through the test deployment's {@code /api/it/terminals} (see
 * {@link TestTerminalsResource}); each test registers its own.
 */
public final class TestTerminals {

    private TestTerminals() {}

    /** A new enabled terminal, as a signer with its id and secret. */
    public static TerminalSigner register(ApiClient api) {
        return register(api, true);
    }

    public static TerminalSigner register(ApiClient api, boolean enabled) {
        HttpResponse<String> registered = api.postJson("api/it/terminals?enabled=" + enabled, "");
        if (registered.statusCode() != 200) {
            throw new IllegalStateException("could not register a terminal: " + registered.body());
        }
        JsonObject terminal = ApiClient.object(registered);
        return new TerminalSigner(terminal.getString("terminalId"), terminal.getString("secret"));
    }

    /** The terminal as stored now: its id, whether it is enabled, and its version, which any change raises. */
    public static JsonObject show(ApiClient api, String terminalId) {
        return ApiClient.object(api.get("api/it/terminals/" + terminalId));
    }
}

package org.replycast.display;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;

/** The moderators' admin API of messages, as system tests use it, with the ops service account's token. */
public final class AdminMessages {

    public static final String MESSAGES = "api/v1/admin/messages";
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private AdminMessages() {}

    public static HttpResponse<String> show(ApiClient api, String messageId) {
        return api.get(MESSAGES + "/" + messageId, KeycloakServer.adminAuthorization());
    }

    public static HttpResponse<String> approve(ApiClient api, String messageId) {
        return api.send(
                "POST", MESSAGES + "/" + messageId + "/approve", null, null, KeycloakServer.adminAuthorization());
    }

    public static HttpResponse<String> reject(ApiClient api, String messageId, String body) {
        return api.send(
                "POST",
                MESSAGES + "/" + messageId + "/reject",
                "application/json",
                body,
                KeycloakServer.adminAuthorization());
    }

    /** Waits until the message as shown matches, and returns it. */
    public static JsonObject await(ApiClient api, String messageId, Predicate<JsonObject> wanted, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonObject message = ApiClient.object(show(api, messageId));
        while (!wanted.test(message)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "message " + messageId + " not " + what + " within " + PATIENCE + ": " + message);
            }
            Thread.sleep(100);
            message = ApiClient.object(show(api, messageId));
        }
        return message;
    }
}

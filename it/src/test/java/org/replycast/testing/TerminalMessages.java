package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A terminal's own messages through the signed API of PROTOCOL.md section 6: their state and their bytes. */
public final class TerminalMessages {

    private static final String MESSAGES = "api/v1/messages/";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private TerminalMessages() {}

    /** The message once it is in the state, polled until the patience runs out (which fails the test). */
    public static JsonObject awaitState(
            ApiClient api, TerminalSigner terminal, String messageId, String state, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        JsonObject message = ApiClient.object(api.signed(terminal, "GET", MESSAGES + messageId, null));
        while (!state.equals(message.getString("state", ""))) {
            assertTrue(Instant.now().isBefore(deadline), "not " + state + " within " + patience + ": " + message);
            Thread.sleep(100);
            message = ApiClient.object(api.signed(terminal, "GET", MESSAGES + messageId, null));
        }
        return message;
    }

    /** {@code GET /api/v1/messages/{id}/media}, signed by the terminal, with a {@code Range} unless null. */
    public static HttpResponse<byte[]> media(ApiClient api, TerminalSigner terminal, String messageId, String range) {
        URI uri = api.uri(MESSAGES + messageId + "/media");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(REQUEST_TIMEOUT);
        String[] headers = terminal.sign("GET", uri, null).headers();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("media request of message " + messageId + " failed", e);
        }
    }
}

package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A stored reply's display copy ({@code playable} or {@code thumbnail}) through the admin API. */
public final class MessageCopies {

    /** A transcode waits its turn behind others on a busy test machine. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final String ADMIN_MESSAGES = "api/v1/admin/messages/";

    private MessageCopies() {}

    /** The copy's bytes once it is made, of the content type given (a wrong one fails the test). */
    public static byte[] await(ApiClient api, String messageId, String copy, String contentType)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        HttpResponse<byte[]> response = download(api, messageId, copy, null);
        while (response.statusCode() == 404) {
            assertTrue(Instant.now().isBefore(deadline), "no " + copy + " copy within " + PATIENCE);
            Thread.sleep(250);
            response = download(api, messageId, copy, null);
        }
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    /** {@code GET /api/v1/admin/messages/{id}/{copy}} with the admin's token, with a {@code Range} unless null. */
    public static HttpResponse<byte[]> download(ApiClient api, String messageId, String copy, String range) {
        URI uri = api.uri(ADMIN_MESSAGES + messageId + "/" + copy);
        String[] authorization = KeycloakServer.adminAuthorization();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(GatewayClient.PATIENCE)
                .header(authorization[0], authorization[1]);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("download of the " + copy + " of message " + messageId + " failed", e);
        }
    }
}

package org.replycast.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks HTTP to the Replycast under test, on the port the build gave it. */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public static URI baseUri() {
        return URI.create("http://localhost:" + System.getProperty("replycast.it.http.port", "8280") + "/");
    }

    public static URI managementUri() {
        return URI.create("http://127.0.0.1:" + System.getProperty("replycast.it.management.port", "10190") + "/");
    }

    public HttpResponse<String> get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return get(baseUri().resolve(path), headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(baseUri().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(baseUri().resolve(path)).DELETE(), headers);
    }

    /** Any request; a null body sends none, and then no Content-Type either. */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        return sendBytes(
                method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any request with the body's exact bytes; a null body sends none, and then no Content-Type either. */
    public HttpResponse<String> sendBytes(
            String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static JsonStructure json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    public static JsonObject object(HttpResponse<String> response) {
        return json(response).asJsonObject();
    }
}

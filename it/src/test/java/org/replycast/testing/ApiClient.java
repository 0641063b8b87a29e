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

/**
 * Talks HTTP to the Replycast under test: by default the suite's server, on the port the build gave it; or
 * another server of the run, such as one a test starts and restarts itself.
 */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    /** A client of the suite's server. */
    public ApiClient() {
        this(baseUri());
    }

    /** A client of the server at the base URI, such as {@code http://localhost:8330/}. */
    public ApiClient(URI base) {
        this.base = base;
    }

    /** The base URI that this client resolves paths against. */
    public URI base() {
        return base;
    }

    /** The absolute URI of a path, as a signer covers it. */
    public URI uri(String path) {
        return base.resolve(path);
    }

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
        return get(base.resolve(path), headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers);
    }

    /** Any request; a null body sends none, and then no Content-Type either. */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        return sendBytes(
                method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any request with the body's exact bytes; a null body sends none, and then no Content-Type either. */
    public HttpResponse<String> sendBytes(
            String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
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

    /** A request signed by the terminal (PROTOCOL.md section 2); a JSON body, or none when it is null. */
    public HttpResponse<String> signed(TerminalSigner terminal, String method, String path, String json) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return sendBytes(
                method,
                path,
                "application/json",
                body,
                terminal.sign(method, uri(path), body).headers());
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

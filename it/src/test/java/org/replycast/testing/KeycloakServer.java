package org.replycast.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Keycloak that the build unpacked, started once for the whole test run in dev mode with a database
 * of the tests' own and the replycast realm imported, and stopped when the run ends. It keeps the build
 * options of the Run command (dev-file database), so neither start re-augments Keycloak.
 */
public final class KeycloakServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    // A busy machine may need longer: -Dreplycast.it.keycloak.startup-timeout=PT10M.
    private static final Duration STARTUP_TIMEOUT =
            Duration.parse(System.getProperty("replycast.it.keycloak.startup-timeout", "PT4M"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Process process;

    public static String port() {
        return System.getProperty("replycast.it.keycloak.port", "8380");
    }

    public static URI realmUri() {
        return URI.create("http://localhost:" + port() + "/realms/replycast");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> start(), KeycloakServer.class);
    }

    private static KeycloakServer start() {
        KeycloakServer server = new KeycloakServer();
        if (isUp()) {
            return server; // another fixture of this run, or a developer, started it already
        }
        Path home = Path.of(System.getProperty("replycast.it.keycloak.home"));
        Path log = Path.of(System.getProperty("replycast.it.artifacts", "target/artifacts"), "keycloak.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder keycloak = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port(),
                            "--http-management-port="
                                    + System.getProperty("replycast.it.keycloak.management.port", "9380"),
                            // One database per server under test: the realm is imported once, with that
                            // server's console address among its redirect URIs.
                            "--db-url=jdbc:h2:file:"
                                    + log.getParent()
                                            .resolve("keycloak-db-"
                                                    + ApiClient.baseUri().getPort() + "/keycloakdb")
                                    + ";NON_KEYWORDS=VALUE",
                            "--import-realm",
                            "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(new File(home.toString()));
            // The realm file names this placeholder among the console's redirect URIs: the server under test.
            String origin = ApiClient.baseUri().toString();
            keycloak.environment().put("REPLYCAST_CONSOLE_ORIGIN", origin.substring(0, origin.length() - 1));
            server.process = keycloak.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start Keycloak from " + home, e);
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (!isUp()) {
            if (!server.process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("Keycloak did not become ready; see " + log);
            }
            pause();
        }
        return server;
    }

    private static boolean isUp() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUri() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cachedToken;
    private static Instant cachedUntil = Instant.MIN;

    /**
     * The Authorization header, as a name and a value, of a replycast-ops token; fetched again once it is a
     * minute old, well inside the realm's five-minute token lifespan.
     */
    public static synchronized String[] adminAuthorization() {
        if (Instant.now().isAfter(cachedUntil)) {
            cachedToken = adminToken();
            cachedUntil = Instant.now().plusSeconds(60);
        }
        return new String[] {"Authorization", "Bearer " + cachedToken};
    }

    /** A bearer token of the replycast-ops service account, which has the role admin in the dev realm. */
    public static String adminToken() {
        String form = "grant_type=client_credentials&client_id=replycast-ops&client_secret="
                + URLEncoder.encode("replycast-ops-dev-secret", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUri() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request failed: " + response.statusCode() + " " + response.body());
            }
            return ApiClient.object(response).getString("access_token");
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

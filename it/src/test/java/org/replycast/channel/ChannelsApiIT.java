package org.replycast.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;
import org.replycast.testing.TestTerminalsResource;

/**
 * Channels through the whole stack: JAX-RS, EJB, JPA, the database, Keycloak bearer tokens for the admin API
 * and signed requests for the terminal API.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ChannelsApiIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestResources(TestTerminalsResource.class);
    }

    /** The terminal API as a registered terminal sees it. */
    private HttpResponse<String> signedGet(String path) {
        TerminalSigner terminal = TestTerminals.register(api);
        return api.get(
                path,
                terminal.sign("GET", ApiClient.baseUri().resolve(path), null).headers());
    }

    private static String newChannelId() {
        return "hall-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpResponse<String> createChannel(String json) {
        return api.postJson("api/v1/admin/channels", json, "Authorization", "Bearer " + KeycloakServer.adminToken());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = ApiClient.object(response);
        assertTrue(problem.getString("type").endsWith("/problems/" + code), problem.toString());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("Exception"), "no stack trace or class names: " + response.body());
    }

    @Test
    void aChannelCreatedByAnAdminIsListedToTerminals() {
        String channelId = newChannelId();

        HttpResponse<String> created = createChannel("{\"channelId\":\"" + channelId
                + "\",\"name\":\"Main hall\",\"timeZone\":\"Europe/Paris\",\"maxConnectedCalls\":10}");

        assertEquals(201, created.statusCode(), created.body());
        JsonObject channel = ApiClient.object(created);
        assertEquals(10, channel.getInt("maxConnectedCalls"));
        assertEquals("test", channel.getString("source"));
        assertTrue(channel.getString("displayKey").length() >= 43);
        assertTrue(
                created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/admin/channels/" + channelId));

        HttpResponse<String> listed = signedGet("api/v1/channels");
        assertEquals(200, listed.statusCode());
        JsonObject seen = ApiClient.json(listed).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("channelId").equals(channelId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(channelId + " not listed: " + listed.body()));
        assertEquals("Main hall", seen.getString("name"));
        assertFalse(seen.containsKey("displayKey"), "terminals never see the display key");
    }

    @Test
    void aTakenChannelIdIsAConflict() {
        String json = "{\"channelId\":\"" + newChannelId() + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\"}";
        assertEquals(201, createChannel(json).statusCode());

        assertProblem(createChannel(json), 409, "conflict");
    }

    @Test
    void aBrokenRuleIsInvalidAndNamesTheField() {
        HttpResponse<String> response = createChannel(
                "{\"channelId\":\"" + newChannelId() + "\",\"name\":\"Hall\",\"timeZone\":\"Mars/Olympus\"}");

        assertProblem(response, 400, "invalid");
        assertTrue(ApiClient.object(response).getString("detail").contains("timeZone"));
    }

    @Test
    void malformedJsonIsInvalidAndCreatesNothing() {
        String channelId = newChannelId();

        assertProblem(createChannel("{\"channelId\":\"" + channelId + "\",\"name\": "), 400, "invalid");
        assertFalse(signedGet("api/v1/channels").body().contains(channelId));
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertProblem(signedGet("api/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void theAdminApiRefusesARequestWithoutToken() {
        HttpResponse<String> response = api.postJson(
                "api/v1/admin/channels",
                "{\"channelId\":\"" + newChannelId() + "\",\"name\":\"x\",\"timeZone\":\"UTC\"}");

        assertProblem(response, 401, "unauthorized");
    }
}

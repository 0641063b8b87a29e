package org.replycast.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertInvalidNaming;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
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

/**
 * Channels through the whole stack: JAX-RS, EJB, JPA, the database, Keycloak bearer tokens for the admin API
 * and signed requests for the terminal API.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ChannelsApiIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
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

    private static final String CHANNELS = "api/v1/admin/channels";

    private HttpResponse<String> createChannel(String json) {
        return api.postJson(CHANNELS, json, KeycloakServer.adminAuthorization());
    }

    private String createdChannel() {
        String channelId = newChannelId();
        HttpResponse<String> created = createChannel("{\"captureEnabled\":false,\"channelId\":\"" + channelId
                + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\",\"place\":\"Lyon\"}");
        assertEquals(201, created.statusCode(), created.body());
        return channelId;
    }

    private HttpResponse<String> show(String channelId) {
        return api.get(CHANNELS + "/" + channelId, KeycloakServer.adminAuthorization());
    }

    private JsonObject shown(String channelId) {
        HttpResponse<String> response = show(channelId);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private HttpResponse<String> patch(String channelId, String json) {
        return api.send(
                "PATCH",
                CHANNELS + "/" + channelId,
                "application/merge-patch+json",
                json,
                KeycloakServer.adminAuthorization());
    }

    private HttpResponse<String> remove(String channelId) {
        return api.send("DELETE", CHANNELS + "/" + channelId, null, null, KeycloakServer.adminAuthorization());
    }

    @Test
    void aChannelCreatedByAnAdminIsListedToTerminals() {
        String channelId = newChannelId();

        HttpResponse<String> created = createChannel("{\"captureEnabled\":false,\"channelId\":\"" + channelId
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
        String json = "{\"captureEnabled\":false,\"channelId\":\"" + newChannelId()
                + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\"}";
        assertEquals(201, createChannel(json).statusCode());

        assertProblem(createChannel(json), 409, "conflict");
    }

    @Test
    void aBrokenRuleIsInvalidAndNamesTheField() {
        HttpResponse<String> response = createChannel("{\"captureEnabled\":false,\"channelId\":\"" + newChannelId()
                + "\",\"name\":\"Hall\",\"timeZone\":\"Mars/Olympus\"}");

        assertProblem(response, 400, "invalid");
        assertTrue(ApiClient.object(response).getString("detail").contains("timeZone"));
    }

    @Test
    void malformedJsonIsInvalidAndCreatesNothing() {
        String channelId = newChannelId();

        assertProblem(
                createChannel("{\"captureEnabled\":false,\"channelId\":\"" + channelId + "\",\"name\": "),
                400,
                "invalid");
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
                "{\"captureEnabled\":false,\"channelId\":\"" + newChannelId()
                        + "\",\"name\":\"x\",\"timeZone\":\"UTC\"}");

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsInvalidAndCreatesNothing() {
        String channelId = newChannelId();
        String valid = "\"channelId\":\"" + channelId + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\"";

        assertInvalidNaming("colour", createChannel("{" + valid + ",\"colour\":\"red\"}"));
        assertInvalidNaming("maxConnectedCalls", createChannel("{" + valid + ",\"maxConnectedCalls\":\"10\"}"));
        assertInvalidNaming("moderation", createChannel("{" + valid + ",\"moderation\":\"SOMETIMES\"}"));
        assertInvalidNaming("maxCallSeconds", createChannel("{" + valid + ",\"maxCallSeconds\":0}"));
        assertInvalidNaming("source", createChannel("{" + valid + ",\"source\":\"ftp://cam/1\"}"));
        assertInvalidNaming("ladder", createChannel("{" + valid + ",\"ladder\":\"720p\"}"));
        assertInvalidNaming("captureEnabled", createChannel("{" + valid + ",\"captureEnabled\":\"yes\"}"));

        assertProblem(show(channelId), 404, "not-found");
    }

    @Test
    void aPatchChangesEverySettingItGivesAndNullClearsPlaceAndForwarding() {
        String channelId = createdChannel();

        HttpResponse<String> response = patch(
                channelId,
                "{\"name\":\"Garden\",\"place\":\"Care home\",\"timeZone\":\"Europe/Paris\",\"source\":\"rtsp://cam/1\","
                        + "\"maxConnectedCalls\":3,\"maxCallSeconds\":600,\"maxMessageBytes\":5000000000,"
                        + "\"maxMessageSeconds\":30,\"moderation\":\"MANUAL\",\"forwardUrl\":\"https://example.org/hook\","
                        + "\"ladder\":\"854x480@1200k\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject changed = shown(channelId);
        assertEquals(ApiClient.object(response), changed);
        assertEquals("Garden", changed.getString("name"));
        assertEquals("Care home", changed.getString("place"));
        assertEquals("Europe/Paris", changed.getString("timeZone"));
        assertEquals("rtsp://cam/1", changed.getString("source"));
        assertEquals(3, changed.getInt("maxConnectedCalls"));
        assertEquals(600, changed.getInt("maxCallSeconds"));
        assertEquals(5_000_000_000L, changed.getJsonNumber("maxMessageBytes").longValue());
        assertEquals(30, changed.getInt("maxMessageSeconds"));
        assertEquals("MANUAL", changed.getString("moderation"));
        assertEquals("https://example.org/hook", changed.getString("forwardUrl"));
        assertEquals("854x480@1200k", changed.getString("ladder"));

        HttpResponse<String> cleared = api.send(
                "PATCH",
                CHANNELS + "/" + channelId,
                "application/json",
                "{\"place\":null,\"forwardUrl\":null,\"ladder\":null}",
                KeycloakServer.adminAuthorization());

        assertEquals(200, cleared.statusCode(), cleared.body());
        JsonObject after = shown(channelId);
        assertFalse(after.containsKey("place"), after.toString());
        assertFalse(after.containsKey("forwardUrl"), after.toString());
        assertFalse(after.containsKey("ladder"), after.toString());
        assertEquals("Garden", after.getString("name"));
    }

    @Test
    void aRefusedPatchChangesNothing() {
        String channelId = createdChannel();
        JsonObject before = shown(channelId);

        assertInvalidNaming("maxConnectedCalls", patch(channelId, "{\"name\":\"New\",\"maxConnectedCalls\":0}"));
        assertInvalidNaming("timeZone", patch(channelId, "{\"name\":\"New\",\"timeZone\":\"Mars/Olympus\"}"));
        assertInvalidNaming("forwardUrl", patch(channelId, "{\"name\":\"New\",\"forwardUrl\":\"ftp://example.org\"}"));
        assertInvalidNaming("moderation", patch(channelId, "{\"moderation\":\"SOMETIMES\"}"));
        assertInvalidNaming("name", patch(channelId, "{\"name\":null}"));
        assertInvalidNaming("maxMessageBytes", patch(channelId, "{\"maxMessageBytes\":null}"));
        assertInvalidNaming("channelId", patch(channelId, "{\"channelId\":\"other\"}"));
        assertInvalidNaming("displayKey", patch(channelId, "{\"displayKey\":\"mine\"}"));
        assertProblem(patch(channelId, "{\"name\":"), 400, "invalid");

        assertEquals(before, shown(channelId));
    }

    @Test
    void aRemovedChannelIsGoneButItsIdStaysTaken() {
        String channelId = createdChannel();

        HttpResponse<String> removed = remove(channelId);

        assertEquals(204, removed.statusCode(), removed.body());
        assertProblem(show(channelId), 404, "not-found");
        assertProblem(remove(channelId), 404, "not-found");
        assertProblem(patch(channelId, "{\"name\":\"Back\"}"), 404, "not-found");
        assertFalse(api.get("api/v1/channels").body().contains(channelId));
        assertFalse(
                api.get(CHANNELS, KeycloakServer.adminAuthorization()).body().contains(channelId));
        assertProblem(
                createChannel("{\"captureEnabled\":false,\"channelId\":\"" + channelId
                        + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\"}"),
                409,
                "conflict");
    }

    @Test
    void theAdminApiRefusesChangesWithoutToken() {
        String channelId = createdChannel();

        assertProblem(
                api.send("PATCH", CHANNELS + "/" + channelId, "application/json", "{\"name\":\"x\"}"),
                401,
                "unauthorized");
        assertProblem(api.send("DELETE", CHANNELS + "/" + channelId, null, null), 401, "unauthorized");

        assertEquals("Hall", shown(channelId).getString("name"));
    }

    @Test
    void channelChangesAreAuditedWithTheAdministrator() {
        String channelId = createdChannel();
        assertEquals(200, patch(channelId, "{\"name\":\"Renamed\"}").statusCode());
        assertEquals(204, remove(channelId).statusCode());

        List<JsonObject> records = ApiClient.object(
                        api.get("api/v1/admin/audit?limit=200", KeycloakServer.adminAuthorization()))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("detail", "").startsWith(channelId))
                .toList();

        assertEquals(
                List.of("channel-removed", "channel-updated", "channel-created"),
                records.stream().map(r -> r.getString("code")).toList());
        records.forEach(r -> assertEquals("service-account-replycast-ops", r.getString("actor")));
        assertTrue(
                records.get(1).getString("detail").contains("name"),
                records.get(1).toString());
    }
}

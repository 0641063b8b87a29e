package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertInvalidNaming;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

/**
 * The admin API of terminals through the whole stack (JAX-RS, EJB, JPA, the database, Keycloak bearer
 * tokens): registration with a secret shown once, strict bodies, paging, PATCH, rotation, removal, the
 * audit trail, and refusals that change nothing.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class AdminTerminalsApiIT {

    private static final String TERMINALS = "api/v1/admin/terminals";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** The name Keycloak gives the replycast-ops client's service account, which adminToken() signs in as. */
    private static final String ADMIN_NAME = "service-account-replycast-ops";

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    private static String newTerminalId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpResponse<String> register(String json) {
        return api.postJson(TERMINALS, json, KeycloakServer.adminAuthorization());
    }

    private JsonObject registered(String terminalId, String more) {
        HttpResponse<String> response = register(
                "{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"Tablet " + terminalId + "\"" + more + "}");
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private HttpResponse<String> show(String terminalId) {
        return api.get(TERMINALS + "/" + terminalId, KeycloakServer.adminAuthorization());
    }

    private JsonObject shown(String terminalId) {
        HttpResponse<String> response = show(terminalId);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private HttpResponse<String> patch(String terminalId, String json) {
        return api.send("PATCH", TERMINALS + "/" + terminalId, MERGE_PATCH, json, KeycloakServer.adminAuthorization());
    }

    private JsonObject patched(String terminalId, String json) {
        HttpResponse<String> response = patch(terminalId, json);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private HttpResponse<String> rotate(String terminalId) {
        return api.send(
                "POST", TERMINALS + "/" + terminalId + "/secret", null, null, KeycloakServer.adminAuthorization());
    }

    private HttpResponse<String> remove(String terminalId) {
        return api.send("DELETE", TERMINALS + "/" + terminalId, null, null, KeycloakServer.adminAuthorization());
    }

    private static void assertSecret(String secret) {
        assertFalse(secret.contains("="), "base64url without padding: " + secret);
        assertTrue(Base64.getUrlDecoder().decode(secret).length >= 32, "at least 32 random bytes: " + secret);
    }

    @Test
    void aRegisteredTerminalGetsASecretShownOnlyOnce() {
        String terminalId = newTerminalId();

        HttpResponse<String> response = register("{\"terminalId\":\"" + terminalId
                + "\",\"displayName\":\"Grandma's tablet\",\"autoAnswerSeconds\":null}");

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Location").orElseThrow().endsWith("/" + TERMINALS + "/" + terminalId));
        JsonObject terminal = ApiClient.object(response);
        assertEquals(terminalId, terminal.getString("terminalId"));
        assertEquals("Grandma's tablet", terminal.getString("displayName"));
        assertTrue(terminal.getBoolean("enabled"));
        assertFalse(terminal.containsKey("autoAnswerSeconds"));
        String secret = terminal.getString("secret");
        assertSecret(secret);

        HttpResponse<String> again = show(terminalId);
        HttpResponse<String> listed = api.get(TERMINALS + "?q=" + terminalId, KeycloakServer.adminAuthorization());
        for (HttpResponse<String> later : List.of(again, listed)) {
            assertEquals(200, later.statusCode(), later.body());
            assertFalse(later.body().contains(secret), "the secret is shown once only");
            assertFalse(later.body().contains("\"secret"), "no secret, no ciphertext: " + later.body());
        }
        assertEquals(
                terminalId,
                ApiClient.object(listed).getJsonArray("items").getJsonObject(0).getString("terminalId"));
    }

    @Test
    void aTakenIdIsAConflictAndChangesNothing() {
        String terminalId = newTerminalId();
        JsonObject first = registered(terminalId, "");

        assertProblem(
                register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"Someone else's\"}"),
                409,
                "conflict");

        assertEquals(first.getString("displayName"), shown(terminalId).getString("displayName"));
    }

    @Test
    void aBrokenRuleIsInvalidNamesTheFieldAndRegistersNothing() {
        String terminalId = newTerminalId();
        String valid = "\"terminalId\":\"" + terminalId + "\",\"displayName\":\"Tablet\"";

        assertInvalidNaming("terminalId", register("{\"terminalId\":\"no spaces\",\"displayName\":\"Tablet\"}"));
        assertInvalidNaming(
                "terminalId", register("{\"terminalId\":\"" + "x".repeat(65) + "\",\"displayName\":\"T\"}"));
        assertInvalidNaming("displayName", register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\" \"}"));
        assertInvalidNaming("displayName", register("{\"terminalId\":\"" + terminalId + "\"}"));
        assertInvalidNaming("autoAnswerSeconds", register("{" + valid + ",\"autoAnswerSeconds\":-1}"));
        assertInvalidNaming("autoAnswerSeconds", register("{" + valid + ",\"autoAnswerSeconds\":\"5\"}"));
        assertInvalidNaming("autoAnswerSeconds", register("{" + valid + ",\"autoAnswerSeconds\":2.5}"));
        assertInvalidNaming("displayName", register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":7}"));
        assertInvalidNaming(
                "schedule.windows[0].day",
                register("{" + valid + ",\"schedule\":{\"windows\":[{\"day\":\"Someday\",\"start\":\"10:00\","
                        + "\"end\":\"11:00\"}]}}"));

        assertProblem(show(terminalId), 404, "not-found");
    }

    @Test
    void anUnknownFieldIsRefusedByNameAndRegistersNothing() {
        String terminalId = newTerminalId();

        assertInvalidNaming(
                "secret",
                register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"T\",\"secret\":\"my-own\"}"));
        assertInvalidNaming(
                "enabeld", register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"T\",\"enabeld\":false}"));

        assertProblem(show(terminalId), 404, "not-found");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsInvalid() {
        String terminalId = newTerminalId();

        assertProblem(register("{\"terminalId\":\"" + terminalId + "\","), 400, "invalid");
        assertProblem(register("terminalId=" + terminalId), 400, "invalid");
        assertProblem(register("[\"" + terminalId + "\"]"), 400, "invalid");
        assertProblem(register(""), 400, "invalid");
        assertProblem(
                register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"a\",\"displayName\":\"b\"}"),
                400,
                "invalid");
        assertProblem(
                api.send(
                        "POST",
                        TERMINALS,
                        "text/plain",
                        "{\"terminalId\":\"" + terminalId + "\"}",
                        KeycloakServer.adminAuthorization()),
                415,
                "unsupported-media-type");

        assertProblem(show(terminalId), 404, "not-found");
    }

    @Test
    void theListSearchesIdsAndNamesAndPages() {
        String prefix = "L-" + UUID.randomUUID().toString().substring(0, 8);
        for (String suffix : List.of("a", "b", "c")) {
            registered(prefix + "-" + suffix, "");
        }

        JsonObject first =
                ApiClient.object(api.get(TERMINALS + "?q=" + prefix + "&limit=2", KeycloakServer.adminAuthorization()));
        JsonObject second = ApiClient.object(
                api.get(TERMINALS + "?q=" + prefix + "&offset=2&limit=2", KeycloakServer.adminAuthorization()));
        JsonObject byName = ApiClient.object(
                api.get(TERMINALS + "?q=TABLET%20" + prefix + "-B", KeycloakServer.adminAuthorization()));

        assertEquals(List.of(prefix + "-a", prefix + "-b"), ids(first));
        assertEquals(3, first.getInt("total"));
        assertEquals(0, first.getInt("offset"));
        assertEquals(2, first.getInt("limit"));
        assertEquals(List.of(prefix + "-c"), ids(second));
        assertEquals(3, second.getInt("total"));
        assertEquals(List.of(prefix + "-b"), ids(byName));
        assertInvalidNaming("limit", api.get(TERMINALS + "?limit=0", KeycloakServer.adminAuthorization()));
        assertInvalidNaming("limit", api.get(TERMINALS + "?limit=100000", KeycloakServer.adminAuthorization()));
        assertInvalidNaming("limit", api.get(TERMINALS + "?limit=ten", KeycloakServer.adminAuthorization()));
        assertInvalidNaming("offset", api.get(TERMINALS + "?offset=-1", KeycloakServer.adminAuthorization()));
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(t -> t.getString("terminalId"))
                .toList();
    }

    @Test
    void aPatchChangesOnlyTheFieldsItGivesAndNullClearsAutoAnswer() {
        String terminalId = newTerminalId();
        registered(terminalId, ",\"autoAnswerSeconds\":10");

        JsonObject renamed = patched(terminalId, "{\"displayName\":\"Hall screen\"}");
        assertEquals("Hall screen", renamed.getString("displayName"));
        assertEquals(10, renamed.getInt("autoAnswerSeconds"));

        HttpResponse<String> asJson = api.send(
                "PATCH",
                TERMINALS + "/" + terminalId,
                "application/json",
                "{\"autoAnswerSeconds\":20}",
                KeycloakServer.adminAuthorization());
        assertEquals(200, asJson.statusCode(), asJson.body());
        assertEquals(20, ApiClient.object(asJson).getInt("autoAnswerSeconds"));

        JsonObject cleared = patched(terminalId, "{\"autoAnswerSeconds\":null}");
        assertFalse(cleared.containsKey("autoAnswerSeconds"), cleared.toString());
        assertEquals("Hall screen", cleared.getString("displayName"));
        assertTrue(cleared.getBoolean("enabled"));

        JsonObject untouched = patched(terminalId, "{}");
        assertEquals(cleared, untouched);
        assertEquals(cleared, shown(terminalId));
    }

    @Test
    void aScheduleRoundTripsAndNullClearsIt() {
        String terminalId = newTerminalId();
        String schedule = "{\"windows\":[{\"day\":\"SUNDAY\",\"start\":\"14:00\",\"end\":\"17:00\"},"
                + "{\"day\":\"MONDAY\",\"start\":\"20:00\",\"end\":\"00:00\"}],"
                + "\"dateRanges\":[{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"}]}";
        JsonObject expected = parse("{\"windows\":["
                + "{\"day\":\"MONDAY\",\"end\":\"00:00\",\"start\":\"20:00\"},"
                + "{\"day\":\"SUNDAY\",\"end\":\"17:00\",\"start\":\"14:00\"}],"
                + "\"dateRanges\":[{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"}]}");

        JsonObject atRegistration = registered(terminalId, ",\"schedule\":" + schedule);
        assertEquals(expected, atRegistration.getJsonObject("schedule"));
        assertEquals(expected, shown(terminalId).getJsonObject("schedule"));

        JsonObject replaced = patched(
                terminalId,
                "{\"schedule\":{\"windows\":[{\"day\":\"FRIDAY\",\"start\":\"09:30\"," + "\"end\":\"10:00\"}]}}");
        assertEquals(
                1, replaced.getJsonObject("schedule").getJsonArray("windows").size());
        assertTrue(replaced.getJsonObject("schedule").getJsonArray("dateRanges").isEmpty(), "replaced whole");

        JsonObject cleared = patched(terminalId, "{\"schedule\":null}");
        assertTrue(cleared.getJsonObject("schedule").getJsonArray("windows").isEmpty());
        assertTrue(cleared.getJsonObject("schedule").getJsonArray("dateRanges").isEmpty());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void aTerminalIsDisabledAndEnabledAgain() {
        String terminalId = newTerminalId();
        registered(terminalId, "");

        assertFalse(patched(terminalId, "{\"enabled\":false}").getBoolean("enabled"));
        assertFalse(shown(terminalId).getBoolean("enabled"));
        assertTrue(patched(terminalId, "{\"enabled\":true}").getBoolean("enabled"));
        assertTrue(shown(terminalId).getBoolean("enabled"));
    }

    @Test
    void aRefusedPatchChangesNothing() {
        String terminalId = newTerminalId();
        registered(terminalId, ",\"autoAnswerSeconds\":10");
        JsonObject before = shown(terminalId);

        assertInvalidNaming(
                "autoAnswerSeconds", patch(terminalId, "{\"displayName\":\"New\",\"autoAnswerSeconds\":-5}"));
        assertInvalidNaming("displayName", patch(terminalId, "{\"displayName\":null}"));
        assertInvalidNaming("displayName", patch(terminalId, "{\"displayName\":\"\"}"));
        assertInvalidNaming("enabled", patch(terminalId, "{\"enabled\":null}"));
        assertInvalidNaming("enabled", patch(terminalId, "{\"enabled\":\"no\",\"displayName\":\"New\"}"));
        assertInvalidNaming("terminalId", patch(terminalId, "{\"terminalId\":\"T-other\"}"));
        assertInvalidNaming("secret", patch(terminalId, "{\"secret\":\"mine\"}"));
        assertInvalidNaming(
                "schedule.windows",
                patch(
                        terminalId,
                        "{\"displayName\":\"New\",\"schedule\":{\"windows\":[{\"day\":\"SUNDAY\",\"start\":\"17:00\","
                                + "\"end\":\"14:00\"}]}}"));
        assertProblem(patch(terminalId, "{\"displayName\":"), 400, "invalid");
        assertProblem(patch(terminalId, "[]"), 400, "invalid");

        assertEquals(before, shown(terminalId));
    }

    @Test
    void aRotatedSecretIsNewAndShownOnce() {
        String terminalId = newTerminalId();
        String original = registered(terminalId, "").getString("secret");

        HttpResponse<String> response = rotate(terminalId);

        assertEquals(200, response.statusCode(), response.body());
        String rotated = ApiClient.object(response).getString("secret");
        assertSecret(rotated);
        assertNotEquals(original, rotated);
        assertFalse(show(terminalId).body().contains(rotated));
    }

    @Test
    void aRemovedTerminalIsGoneButItsIdStaysTaken() {
        String terminalId = newTerminalId();
        registered(terminalId, "");

        HttpResponse<String> removed = remove(terminalId);

        assertEquals(204, removed.statusCode(), removed.body());
        assertProblem(show(terminalId), 404, "not-found");
        assertProblem(remove(terminalId), 404, "not-found");
        assertProblem(patch(terminalId, "{\"enabled\":true}"), 404, "not-found");
        assertProblem(rotate(terminalId), 404, "not-found");
        assertTrue(ids(ApiClient.object(api.get(TERMINALS + "?q=" + terminalId, KeycloakServer.adminAuthorization())))
                .isEmpty());
        assertProblem(register("{\"terminalId\":\"" + terminalId + "\",\"displayName\":\"Again\"}"), 409, "conflict");
    }

    @Test
    void aPathIdThatBreaksTheRuleIsNotFound() {
        for (String id : List.of("no%20such", "x".repeat(300), "%C3%A9t%C3%A9")) {
            assertProblem(show(id), 404, "not-found");
            assertProblem(remove(id), 404, "not-found");
            assertProblem(patch(id, "{\"enabled\":false}"), 404, "not-found");
            assertProblem(rotate(id), 404, "not-found");
        }
    }

    @Test
    void theAdminApiRefusesARequestWithoutToken() {
        String terminalId = newTerminalId();
        registered(terminalId, "");

        assertProblem(
                api.postJson(TERMINALS, "{\"terminalId\":\"" + newTerminalId() + "\",\"displayName\":\"x\"}"),
                401,
                "unauthorized");
        assertProblem(api.get(TERMINALS), 401, "unauthorized");
        assertProblem(api.get(TERMINALS + "/" + terminalId), 401, "unauthorized");
        assertProblem(
                api.send("PATCH", TERMINALS + "/" + terminalId, MERGE_PATCH, "{\"enabled\":false}"),
                401,
                "unauthorized");
        assertProblem(api.send("POST", TERMINALS + "/" + terminalId + "/secret", null, null), 401, "unauthorized");
        assertProblem(api.send("DELETE", TERMINALS + "/" + terminalId, null, null), 401, "unauthorized");
        assertProblem(api.get("api/v1/admin/audit"), 401, "unauthorized");

        assertTrue(shown(terminalId).getBoolean("enabled"), "nothing changed");
    }

    @Test
    void everyChangeIsAuditedWithTheAdministratorAndNoSecret() {
        String terminalId = newTerminalId();
        String secret = registered(terminalId, "").getString("secret");
        patched(terminalId, "{\"displayName\":\"Renamed\",\"enabled\":false}");
        patched(terminalId, "{\"enabled\":true}");
        String rotated = ApiClient.object(rotate(terminalId)).getString("secret");
        assertEquals(204, remove(terminalId).statusCode());

        HttpResponse<String> response =
                api.get("api/v1/admin/audit?terminalId=" + terminalId, KeycloakServer.adminAuthorization());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject page = ApiClient.object(response);
        List<JsonObject> records =
                page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(
                List.of(
                        "terminal-removed",
                        "secret-rotated",
                        "terminal-enabled",
                        "terminal-disabled",
                        "terminal-updated",
                        "terminal-registered"),
                records.stream().map(r -> r.getString("code")).toList());
        assertEquals(6, page.getInt("total"));
        for (JsonObject record : records) {
            assertEquals("ADMINISTRATION", record.getString("kind"));
            assertEquals(ADMIN_NAME, record.getString("actor"));
            assertEquals(terminalId, record.getString("terminalId"));
        }
        assertFalse(response.body().contains(secret) || response.body().contains(rotated), "no secret in the trail");
        JsonObject onePage = ApiClient.object(api.get(
                "api/v1/admin/audit?terminalId=" + terminalId + "&limit=1", KeycloakServer.adminAuthorization()));
        assertEquals(1, onePage.getJsonArray("items").size());
        assertEquals(6, onePage.getInt("total"));
    }

    @Test
    void noSecretReachesTheServerLog() throws IOException {
        String terminalId = newTerminalId();
        String secret = registered(terminalId, "").getString("secret");
        String rotated = ApiClient.object(rotate(terminalId)).getString("secret");

        String log = Files.readString(Path.of(System.getProperty("replycast.it.server.log")));

        assertTrue(log.contains("terminal " + terminalId + " registered"), "the registration is logged by id");
        assertFalse(log.contains(secret), "the secret never reaches the log");
        assertFalse(log.contains(rotated), "the rotated secret never reaches the log");
    }

    @Test
    void theOpenApiDescriptionCoversTheAdminApi() {
        HttpResponse<String> response = api.get("openapi", "Accept", "application/json");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject paths = ApiClient.object(response).getJsonObject("paths");
        for (String path : List.of(
                "/api/v1/admin/terminals",
                "/api/v1/admin/terminals/{terminalId}",
                "/api/v1/admin/terminals/{terminalId}/secret",
                "/api/v1/admin/channels/{channelId}",
                "/api/v1/admin/audit")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
        JsonObject patch =
                paths.getJsonObject("/api/v1/admin/terminals/{terminalId}").getJsonObject("patch");
        assertTrue(
                patch.getJsonObject("requestBody").getJsonObject("content").containsKey(MERGE_PATCH), patch.toString());
        assertTrue(
                patch.getJsonObject("responses").keySet().containsAll(List.of("200", "400", "404")), patch.toString());
        assertTrue(
                paths.getJsonObject("/api/v1/admin/terminals")
                        .getJsonObject("get")
                        .getJsonObject("responses")
                        .containsKey("200"),
                paths.getJsonObject("/api/v1/admin/terminals").toString());
    }
}

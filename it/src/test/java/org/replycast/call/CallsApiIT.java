package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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

/**
 * Calls over HTTP as far as they go without a terminal's signature: unsigned terminal requests are refused,
 * and the admin resource answers with a Keycloak bearer token. Signed flows belong with the signature tests.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class CallsApiIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anUnsignedCallStartIsRefusedAsUnsigned() {
        assertProblem(api.postJson("api/v1/calls", "{\"channelId\": \"hall-1\"}"), 401, "signature-missing");
    }

    @Test
    void anUnsignedEventStreamIsRefusedAsUnsigned() {
        assertProblem(api.get("api/v1/events", "Accept", "text/event-stream"), 401, "signature-missing");
    }

    @Test
    void anAdministratorListsCallsOfAChannelAndCountsItsConnectedCalls() {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.postJson(
                "api/v1/admin/channels",
                "{\"captureEnabled\":false,\"channelId\":\"" + channelId
                        + "\",\"name\":\"Main hall\",\"timeZone\":\"Europe/Paris\"}",
                KeycloakServer.adminAuthorization());
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> calls = api.get(
                "api/v1/admin/calls?state=CONNECTED&channelId=" + channelId, KeycloakServer.adminAuthorization());
        HttpResponse<String> counts = api.get("api/v1/admin/calls/connected", KeycloakServer.adminAuthorization());

        assertEquals(200, calls.statusCode(), calls.body());
        assertTrue(ApiClient.json(calls).asJsonArray().isEmpty());
        assertEquals(200, counts.statusCode(), counts.body());
        JsonArray byChannel = ApiClient.json(counts).asJsonArray();
        JsonObject count = byChannel.stream()
                .map(value -> value.asJsonObject())
                .filter(entry -> entry.getString("channelId").equals(channelId))
                .findFirst()
                .orElseThrow();
        assertEquals(0, count.getInt("connectedCalls"));
    }

    @Test
    void anAdministratorGetsTheProtocolsCodesForBadCallRequests() {
        assertProblem(
                api.get("api/v1/admin/calls?state=RINGINGISH", KeycloakServer.adminAuthorization()), 400, "invalid");
        assertProblem(
                api.delete("api/v1/admin/calls/" + UUID.randomUUID(), KeycloakServer.adminAuthorization()),
                404,
                "not-found");
        assertProblem(
                api.delete("api/v1/admin/calls/..%2F..%2Fetc", KeycloakServer.adminAuthorization()), 404, "not-found");
    }

    @Test
    void theAdminCallsNeedABearerToken() {
        assertEquals(401, api.get("api/v1/admin/calls").statusCode());
    }
}

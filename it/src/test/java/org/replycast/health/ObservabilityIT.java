package org.replycast.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

/** Health, OpenAPI and metrics answer without credentials; the metrics include each channel's viewers. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ObservabilityIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void readinessIsUpWithTheDeploymentTheDatabaseAndTheBroker() {
        HttpResponse<String> response = api.get(ApiClient.managementUri().resolve("health/ready"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = ApiClient.object(response);
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
        assertEquals("UP", checks.get("database"), checks.toString());
        assertEquals("UP", checks.get("messaging"), checks.toString());
        assertEquals("UP", checks.get("deployments-status"), checks.toString());
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = api.get(ApiClient.managementUri().resolve("health/live"));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void openApiDescribesTheChannelPaths() {
        HttpResponse<String> response = api.get("openapi", "Accept", "application/json");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject paths = ApiClient.object(response).getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/channels"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/admin/channels"), paths.keySet().toString());
    }

    @Test
    void metricsAreExposed() {
        HttpResponse<String> response = api.get(ApiClient.managementUri().resolve("metrics"), "Accept", "text/plain");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("ReplycastDS"), "datasource pool metrics are exposed");
    }

    @Test
    void theViewersOfAChannelAreAMetric() {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> channel = api.postJson(
                "api/v1/admin/channels",
                "{\"captureEnabled\":false,\"channelId\":\"" + channelId + "\",\"name\":\"Hall\",\"timeZone\":\"UTC\"}",
                KeycloakServer.adminAuthorization());
        assertEquals(201, channel.statusCode(), channel.body());
        TerminalSigner viewer = TestTerminals.register(api);
        byte[] call =
                ("{\"captureEnabled\":false,\"channelId\":\"" + channelId + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> connected = api.sendBytes(
                "POST",
                "api/v1/calls",
                "application/json",
                call,
                viewer.sign("POST", ApiClient.baseUri().resolve("api/v1/calls"), call)
                        .headers());
        assertEquals(201, connected.statusCode(), connected.body());

        assertEquals(1.0, viewers(channelId), "the connected call counts");

        String path = "api/v1/calls/" + ApiClient.object(connected).getString("callId");
        api.delete(
                path,
                viewer.sign("DELETE", ApiClient.baseUri().resolve(path), null).headers());

        assertEquals(0.0, viewers(channelId), "the released call no longer counts");
    }

    /** The channel's sample of the viewer gauge in WildFly's Prometheus text. */
    private double viewers(String channelId) {
        String metrics = api.get(ApiClient.managementUri().resolve("metrics"), "Accept", "text/plain")
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("replycast_channel_connected_calls{")
                        && line.contains("channel=\"" + channelId + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no viewer gauge of " + channelId + " in: "
                        + metrics.lines()
                                .filter(line -> line.contains("replycast"))
                                .toList()));
    }
}

package org.replycast.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.ReplycastEar;

/** Health, OpenAPI and metrics answer without credentials. */
@ExtendWith(ArquillianExtension.class)
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
}

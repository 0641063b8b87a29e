package org.replycast.testing;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Channels for system tests, created through the real admin API with a Keycloak admin token; each test its own. */
public final class TestChannels {

    private TestChannels() {}

    /** A new channel with the given name, capturing the built-in test source; its id. */
    public static String create(ApiClient api, String name) {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.postJson(
                "api/v1/admin/channels",
                "{\"channelId\":\"" + channelId + "\",\"name\":\"" + name
                        + "\",\"timeZone\":\"Europe/Paris\",\"source\":\"test\"}",
                KeycloakServer.adminAuthorization());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create a channel: " + created.body());
        }
        return channelId;
    }
}

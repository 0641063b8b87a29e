package org.replycast.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Channels for system tests, created through the real admin API; each test creates its own, captured live
 * (the {@code test} source unless the fields say otherwise), and removes it when done so its ffmpeg stops.
 */
public final class TestChannels {

    private static final String CHANNELS = "api/v1/admin/channels";
    /** Time for a fresh ffmpeg to write its first segment on a busy two-core machine. */
    public static final Duration GOING_LIVE = Duration.ofSeconds(60);

    private TestChannels() {}

    /** A new captured channel with the given fields besides its id, name and time zone (JSON members). */
    public static String create(ApiClient api, String extraFields) {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 13);
        HttpResponse<String> created = api.postJson(
                CHANNELS,
                "{\"channelId\":\"" + channelId + "\",\"name\":\"Live hall\",\"timeZone\":\"UTC\""
                        + (extraFields.isBlank() ? "" : "," + extraFields) + "}",
                KeycloakServer.adminAuthorization());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create a channel: " + created.body());
        }
        return channelId;
    }

    /** The channel as an administrator sees it now. */
    public static JsonObject show(ApiClient api, String channelId) {
        return ApiClient.object(api.get(CHANNELS + "/" + channelId, KeycloakServer.adminAuthorization()));
    }

    /** Changes the channel with a merge patch and returns the answer. */
    public static HttpResponse<String> patch(ApiClient api, String channelId, String patch) {
        return api.send(
                "PATCH",
                CHANNELS + "/" + channelId,
                "application/merge-patch+json",
                patch,
                KeycloakServer.adminAuthorization());
    }

    /** Removes the channel, which stops its capture. */
    public static void remove(ApiClient api, String channelId) {
        api.send("DELETE", CHANNELS + "/" + channelId, null, null, KeycloakServer.adminAuthorization());
    }

    /** Waits until the channel's status is the one given, and returns the channel then. */
    public static JsonObject awaitStatus(ApiClient api, String channelId, String status, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        JsonObject channel = show(api, channelId);
        while (!status.equals(channel.getString("status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "channel " + channelId + " not " + status + " within " + patience + ": " + channel);
            }
            Thread.sleep(100);
            channel = show(api, channelId);
        }
        return channel;
    }
}

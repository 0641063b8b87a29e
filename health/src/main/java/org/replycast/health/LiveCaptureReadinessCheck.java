package org.replycast.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;

/**
 * Lists each captured channel's state as its supervisor last recorded it ({@code demo: LIVE}, {@code hall:
 * FAILED: ffmpeg exited…}). A camera that is down leaves the node ready: the other channels still play, and
 * the database check already covers the store these states are read from.
 */
@Readiness
@ApplicationScoped
public class LiveCaptureReadinessCheck implements HealthCheck {

    @Inject
    ChannelRepository channels;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("live-capture").up();
        try {
            for (Channel channel : channels.findCaptured()) {
                response.withData(
                        channel.getChannelId(),
                        channel.getStatus()
                                + (channel.getStatusDetail() == null ? "" : ": " + channel.getStatusDetail()));
            }
        } catch (RuntimeException unavailable) {
            response.withData("error", unavailable.getClass().getSimpleName());
        }
        return response.build();
    }
}

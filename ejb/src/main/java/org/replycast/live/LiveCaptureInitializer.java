package org.replycast.live;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.channel.ChannelService;
import org.replycast.channel.ChannelSettings;

/**
 * Starts live capture with the server; on a fresh install (no channel at all) it first creates the channel
 * {@code demo} on the {@code test} source, so there is something live to watch at once.
 */
@Singleton
@Startup
public class LiveCaptureInitializer {

    private static final Logger LOG = Logger.getLogger(LiveCaptureInitializer.class.getName());
    static final String DEMO_CHANNEL = "demo";

    @Inject
    ChannelService channelService;

    @Inject
    LiveCapture liveCapture;

    @Inject
    @ConfigProperty(name = "replycast.live.demo-channel", defaultValue = "true")
    boolean demoChannel;

    // Outside a transaction, so that the demo channel is committed (and its capture started) before the rest.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        if (demoChannel && channelService.isFreshInstall()) {
            channelService.create(
                    new ChannelSettings(
                            DEMO_CHANNEL,
                            "Demo",
                            null,
                            "UTC",
                            "test",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "replycast");
            LOG.info("fresh install: channel demo created on the test source");
        }
        liveCapture.startAll();
    }
}

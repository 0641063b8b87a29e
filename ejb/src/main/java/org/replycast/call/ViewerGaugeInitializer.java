package org.replycast.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.replycast.problem.ProblemException;

/**
 * Publishes each channel's viewers, the exact number of its connected calls, as the gauge {@code
 * replycast_channel_connected_calls{channel="…"}} on WildFly's {@code /metrics}. The value is counted in the
 * database at each scrape, as admission control counts it, so every node reports the truth.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ViewerGaugeInitializer {

    static final String GAUGE = "replycast.channel.connected.calls";

    @Inject
    MeterRegistry registry;

    @Inject
    CallProcessingService callProcessing;

    // Which gauges this node's registry already has; the counts themselves live in the database.
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void registerExistingChannels() {
        callProcessing.connectedCallsByChannel().keySet().forEach(this::register);
    }

    /** A channel gets its gauge with its first call. */
    public void registerChannelOf(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallChanged changed) {
        register(changed.call().channelId());
    }

    private void register(String channelId) {
        if (registered.add(channelId)) {
            // The set keeps the id reachable: the registry holds its gauge's object only weakly.
            registry.gauge(GAUGE, Tags.of("channel", channelId), channelId, this::connectedCalls);
        }
    }

    private double connectedCalls(String channelId) {
        try {
            return callProcessing.connectedCalls(channelId);
        } catch (ProblemException removed) {
            return 0; // a removed channel has no viewers
        }
    }
}

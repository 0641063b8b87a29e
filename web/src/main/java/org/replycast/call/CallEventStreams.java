package org.replycast.call;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The terminals' open event streams on this node, fed by {@link CallAnnounced}, which every node takes from
 * the {@code CallEvents} topic: a terminal connected to any node hears of changes made on any node. The
 * connections themselves are this node's and live only here; a closed one is dropped at the next send.
 */
@ApplicationScoped
public class CallEventStreams {

    private static final Logger LOG = Logger.getLogger(CallEventStreams.class.getName());
    // Below the idle timeouts of common proxies and load balancers (30 to 60 seconds).
    private static final long KEEP_ALIVE_SECONDS = 20;

    private final Map<String, Set<Stream>> byTerminal = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> keepAlive;

    @PostConstruct
    void startKeepAlive() {
        keepAlive = executor.scheduleAtFixedRate(
                this::sendKeepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        keepAlive.cancel(false);
        byTerminal
                .values()
                .forEach(streams -> streams.forEach(stream -> stream.sink().close()));
    }

    /** Keeps the terminal's new stream open and sends it the terminal's call changes from now on. */
    void open(String terminalId, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(terminalId, sink, sse);
        byTerminal
                .computeIfAbsent(terminalId, id -> ConcurrentHashMap.newKeySet())
                .add(stream);
        LOG.fine(() -> "event stream opened for terminal " + terminalId);
        // Sent at once, so the client sees the stream open before the first change.
        send(stream, sse.newEventBuilder().comment("replycast call events").build());
    }

    void announce(@Observes CallAnnounced announced) {
        CallSnapshot call = announced.call();
        // One terminal on both sides is a call to itself: it hears of the change once.
        for (String terminalId :
                new LinkedHashSet<>(List.of(call.requesterTerminalId(), call.destinationTerminalId()))) {
            for (Stream stream : byTerminal.getOrDefault(terminalId, Set.of())) {
                send(
                        stream,
                        stream.sse()
                                .newEventBuilder()
                                .name("call")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(
                                        String.class,
                                        CallView.of(call, terminalId).toString())
                                .build());
            }
        }
    }

    private void sendKeepAlive() {
        byTerminal
                .values()
                .forEach(streams -> streams.forEach(stream -> send(
                        stream,
                        stream.sse().newEventBuilder().comment("keep-alive").build())));
    }

    private void send(Stream stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            drop(stream);
            return;
        }
        try {
            stream.sink().send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    drop(stream);
                }
            });
        } catch (RuntimeException closedMeanwhile) {
            drop(stream);
        }
    }

    private void drop(Stream stream) {
        Set<Stream> streams = byTerminal.get(stream.terminalId());
        if (streams != null && streams.remove(stream)) {
            LOG.fine(() -> "event stream closed for terminal " + stream.terminalId());
            try {
                stream.sink().close();
            } catch (RuntimeException alreadyClosed) {
                // Nothing left to close.
            }
            byTerminal.computeIfPresent(stream.terminalId(), (id, left) -> left.isEmpty() ? null : left);
        }
    }

    private record Stream(String terminalId, SseEventSink sink, Sse sse) {}
}

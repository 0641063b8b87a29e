package org.replycast.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The open Server-Sent Event streams of this node, by what they listen to (a terminal, a channel): sends to
 * the streams of one key, keeps them all open with a keep-alive every {@value #KEEP_ALIVE_SECONDS} seconds,
 * and forgets a stream at the first send that fails. The connections are this node's and live only here;
 * what they carry comes from a topic that every node hears.
 */
public abstract class EventStreams<K> {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    // Below the idle timeouts of common proxies and load balancers (30 to 60 seconds).
    static final long KEEP_ALIVE_SECONDS = 20;

    private final Map<K, Set<Stream<K>>> byKey = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> keepAlive;

    /** An open stream: what it listens to, its connection, and the factory of its events. */
    public record Stream<K>(K key, SseEventSink sink, Sse sse, AtomicReference<CompletionStage<?>> lastSend) {

        Stream(K key, SseEventSink sink, Sse sse) {
            this(key, sink, sse, new AtomicReference<>(CompletableFuture.completedFuture(null)));
        }
    }

    /** The event that keeps a quiet stream open. */
    protected abstract OutboundSseEvent keepAliveEvent(Sse sse);

    @PostConstruct
    void startKeepAlive() {
        keepAlive = executor.scheduleAtFixedRate(
                () -> byKey.values()
                        .forEach(streams -> streams.forEach(stream -> send(stream, keepAliveEvent(stream.sse())))),
                KEEP_ALIVE_SECONDS,
                KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Stops the keep-alive and forgets the streams without closing them: RESTEasy's close waits for the
     * connection's last flush, which a departed client never completes, and that wait held an undeploy for
     * minutes. The container ends the connections with the deployment; clients reconnect.
     */
    @PreDestroy
    void stop() {
        keepAlive.cancel(false);
        byKey.clear();
    }

    /** Keeps the new stream open, sends it what is due to it from now on, and returns it. */
    protected Stream<K> register(K key, SseEventSink sink, Sse sse) {
        Stream<K> stream = new Stream<>(key, sink, sse);
        byKey.computeIfAbsent(key, id -> ConcurrentHashMap.newKeySet()).add(stream);
        LOG.fine(() -> "event stream opened for " + key);
        return stream;
    }

    /** Whether a stream of the key is open on this node, so that an event for it is worth making. */
    protected boolean listensTo(K key) {
        return !byKey.getOrDefault(key, Set.of()).isEmpty();
    }

    /** Sends each stream of the key the event that the factory makes for it. */
    protected void sendTo(K key, Function<Stream<K>, OutboundSseEvent> event) {
        for (Stream<K> stream : byKey.getOrDefault(key, Set.of())) {
            send(stream, event.apply(stream));
        }
    }

    protected void send(Stream<K> stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            drop(stream);
            return;
        }
        // One write at a time on a stream: the container refuses a write while the one before is still pending,
        // as happens when a replay follows the opening comment on a busy server.
        CompletionStage<?> sent;
        synchronized (stream) {
            sent = stream.lastSend()
                    .get()
                    .thenComposeAsync(previous -> stream.sink().send(event), executor);
            stream.lastSend().set(sent);
        }
        sent.whenComplete((done, failure) -> {
            if (failure != null) {
                drop(stream);
            }
        });
    }

    private void drop(Stream<K> stream) {
        Set<Stream<K>> streams = byKey.get(stream.key());
        if (streams != null && streams.remove(stream)) {
            LOG.fine(() -> "event stream closed for " + stream.key());
            try {
                stream.sink().close();
            } catch (RuntimeException alreadyClosed) {
                // Nothing left to close.
            }
            byKey.computeIfPresent(stream.key(), (id, left) -> left.isEmpty() ? null : left);
        }
    }
}

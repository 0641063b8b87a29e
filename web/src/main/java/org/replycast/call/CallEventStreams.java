package org.replycast.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import org.replycast.api.EventStreams;

/**
 * The terminals' open event streams on this node, fed by {@link CallAnnounced}, which every node takes from
 * the {@code CallEvents} topic: a terminal connected to any node hears of changes made on any node.
 */
@ApplicationScoped
public class CallEventStreams extends EventStreams<String> {

    /** Keeps the terminal's new stream open and sends it the terminal's call changes from now on. */
    void open(String terminalId, SseEventSink sink, Sse sse) {
        Stream<String> stream = register(terminalId, sink, sse);
        // Sent at once, so the client sees the stream open before the first change.
        send(stream, sse.newEventBuilder().comment("replycast call events").build());
    }

    void announce(@Observes CallAnnounced announced) {
        CallSnapshot call = announced.call();
        // One terminal on both sides is a call to itself: it hears of the change once.
        for (String terminalId :
                new LinkedHashSet<>(List.of(call.requesterTerminalId(), call.destinationTerminalId()))) {
            sendTo(terminalId, stream -> stream.sse()
                    .newEventBuilder()
                    .name("call")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, CallView.of(call, terminalId).toString())
                    .build());
        }
    }

    @Override
    protected OutboundSseEvent keepAliveEvent(Sse sse) {
        return sse.newEventBuilder().comment("keep-alive").build();
    }
}

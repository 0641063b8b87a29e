package org.replycast.display;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.replycast.api.EventStreams;
import org.replycast.message.MessageAnnounced;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;

/**
 * The display pages' open streams on this node, by channel, fed by {@link MessageAnnounced} from the topic
 * {@code MessageEvents}: an {@code approved} event, whose id is the message's, for each message approved on
 * the channel, {@code withdrawn} when an approval is taken back, and {@code display-now} when a moderator
 * sends a message to be played at once. A display that comes back names the
 * last id it had and first gets what it missed.
 */
@ApplicationScoped
public class DisplayEventStreams extends EventStreams<String> {

    /** The browser waits this long before it opens a dropped stream again. */
    static final long RECONNECT_MILLIS = 2000;

    @Inject
    DisplayService displayService;

    /**
     * Keeps the display's new stream open: first what it missed after its last message (nothing when it names
     * none), then what comes.
     */
    void open(String channelId, String lastMessageId, SseEventSink sink, Sse sse) {
        Stream<String> stream = register(channelId, sink, sse);
        send(
                stream,
                sse.newEventBuilder()
                        .comment("replycast display")
                        .reconnectDelay(RECONNECT_MILLIS)
                        .build());
        // Registered first and replayed second: a message approved in between comes twice, and the page
        // plays each id once, whereas the other order could lose it.
        displayService.approvedAfter(channelId, lastMessageId).forEach(message -> send(stream, approved(sse, message)));
    }

    void announce(@Observes MessageAnnounced announced) {
        // Most changes concern no display open here; those cost no database read.
        if (announced.state() != MessageState.STORED || !listensTo(announced.channelId())) {
            return;
        }
        if (announced.displayNow()) {
            displayService
                    .approved(announced.channelId(), announced.messageId())
                    .ifPresent(message -> sendTo(message.channelId(), stream -> displayNow(stream.sse(), message)));
        } else if (announced.moderation() == ModerationState.APPROVED) {
            displayService
                    .approved(announced.channelId(), announced.messageId())
                    .ifPresent(message -> sendTo(message.channelId(), stream -> approved(stream.sse(), message)));
        } else if (announced.moderation() == ModerationState.REJECTED) {
            sendTo(announced.channelId(), stream -> stream.sse()
                    .newEventBuilder()
                    .name("withdrawn")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(
                            String.class,
                            Json.createObjectBuilder()
                                    .add("messageId", announced.messageId())
                                    .build()
                                    .toString())
                    .build());
        }
    }

    private static OutboundSseEvent approved(Sse sse, DisplayedMessage message) {
        return sse.newEventBuilder()
                .name("approved")
                .id(message.messageId())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, DisplayMessageView.of(message).toString())
                .build();
    }

    /**
     * Without an id: the page plays the message at once, and what it names as its last message (the order of
     * approvals) stays as it was.
     */
    private static OutboundSseEvent displayNow(Sse sse, DisplayedMessage message) {
        return sse.newEventBuilder()
                .name("display-now")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, DisplayMessageView.of(message).toString())
                .build();
    }

    /** An event, not a comment: the page counts silence to find a dead connection, and sees only events. */
    @Override
    protected OutboundSseEvent keepAliveEvent(Sse sse) {
        return sse.newEventBuilder().name("keep-alive").data(String.class, "{}").build();
    }
}

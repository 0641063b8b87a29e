package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.call.Call;
import org.replycast.call.CallRepository;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;
import org.replycast.testing.ReplycastEar;

/** Runs inside the server: a start marker goes through the real embedded Artemis and opens a message. */
@ExtendWith(ArquillianExtension.class)
class UplinkSegmentsIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestClasses(UplinkSegmentsIT.class);
    }

    @Inject
    UplinkSegmentPublisher publisher;

    @Inject
    ChannelRepository channels;

    @Inject
    TerminalRepository terminals;

    @Inject
    CallRepository calls;

    @Inject
    MessageRepository messages;

    @Inject
    UserTransaction transaction;

    @Test
    void aStartMarkerOnTheQueueOpensAReceivingMessage() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String callId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        inTransaction(() -> {
            Channel channel = new Channel("ch-" + suffix, "Hall", "UTC", "test", "key-" + suffix);
            channels.persist(channel);
            terminals.persist(new Terminal("t-a-" + suffix, "Son's phone", "not-a-real-secret"));
            terminals.persist(new Terminal("t-b-" + suffix, "Grandma's tablet", "not-a-real-secret"));
            calls.persist(new Call(callId, channel.getChannelId(), "t-a-" + suffix, "t-b-" + suffix, Instant.now()));
            return null;
        });

        publisher.publishStart(messageId, callId, "video/webm", "Congratulations");

        Message opened = awaitMessage(messageId);
        assertEquals(MessageState.RECEIVING, opened.getState());
        assertEquals("t-b-" + suffix, opened.getSenderTerminalId(), "the watching terminal sends the reply");
        assertEquals("ch-" + suffix, opened.getChannelId());
        assertEquals("Congratulations", opened.getTitle());
    }

    private Message awaitMessage(String messageId) throws Exception {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Message> found = inTransaction(() -> messages.findById(messageId));
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + messageId + " was not opened within " + DELIVERY_TIMEOUT);
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }
}

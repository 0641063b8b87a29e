package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.call.Call;
import org.replycast.call.CallRepository;
import org.replycast.call.ConnectedCall;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRepository;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;
import org.replycast.testing.ReplycastEar;

/**
 * Runs inside the server: the parts of a reply go through the real embedded Artemis to the storage side, which
 * takes them idempotently by offset (a duplicate is dropped by the broker, an overlap counts only its new bytes,
 * a part beyond a gap is dead-lettered and leaves the file as it was) and at the end refuses what is not media, removing its bytes; a part that
 * always fails is parked in the dead-letter queue without holding up other replies.
 */
@ExtendWith(ArquillianExtension.class)
class UplinkSegmentsIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestClasses(UplinkSegmentsIT.class);
    }

    @Inject
    UplinkService uplinks;

    @Inject
    UplinkSegmentPublisher publisher;

    @Inject
    MessageFiles files;

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

    @Inject
    JMSContext jms;

    @Test
    void segmentsAreTakenOnceByOffsetAndNeverBeyondAGap() throws Exception {
        ConnectedCall call = connectedCall();
        Uplink uplink = uplinks.open(call, "video/webm", "Congratulations", null, "session-1");
        Message opened = awaitMessage(uplink.messageId(), message -> true);
        assertEquals(MessageState.RECEIVING, opened.getState());
        assertEquals(call.terminalId(), opened.getSenderTerminalId(), "the watching terminal sends the reply");
        assertEquals(call.channelId(), opened.getChannelId());
        assertEquals("Congratulations", opened.getTitle());

        byte[] bytes = "0123456789".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        String id = uplink.messageId();
        publisher.segment(id, 0, bytes, 0, 10_000);
        publisher.segment(id, 0, bytes, 0, 10_000); // the same duplicate id: the broker drops it
        publisher.segment(id, 5_000, bytes, 5_000, 10_000); // overlaps: only its last 5,000 bytes are new
        publisher.segment(id, 25_000, bytes, 25_000, 5_000); // a gap: the bytes before it never came
        awaitDeadLetter(id);
        assertEquals(15_000, files.bytesOf(awaitMessage(id, message -> true)), "nothing is written beyond a gap");
        publisher.segment(id, 15_000, bytes, 15_000, 15_000);

        Message whole = awaitMessage(id, message -> files.bytesOf(message) == bytes.length);
        Path part = files.resolve(whole.getMediaPath());
        assertArrayEquals(bytes, Files.readAllBytes(part));

        uplinks.end(
                uplink,
                bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));

        Message rejected = awaitMessage(id, message -> message.getState() != MessageState.RECEIVING);
        assertEquals(MessageState.REJECTED, rejected.getState());
        assertEquals(MessageRejection.NOT_MEDIA, rejected.getRejection());
        assertNull(rejected.getMediaPath());
        assertFalse(Files.exists(part), "the bytes of a rejected message are removed");
    }

    @Test
    void aPoisonPartIsDeadLetteredWhileOtherRepliesGoOn() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        byte[] bytes = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        publisher.segment(poison, 0, bytes, 0, bytes.length); // names no message: every delivery fails

        Uplink uplink = uplinks.open(connectedCall(), "video/webm", null, null, "session-1");
        publisher.segment(uplink.messageId(), 0, bytes, 0, bytes.length);
        awaitMessage(uplink.messageId(), message -> files.bytesOf(message) == bytes.length);
        awaitDeadLetter(poison);
    }

    private void awaitDeadLetter(String messageId) throws Exception {
        Queue deadLetters = (Queue) new InitialContext().lookup("java:/jms/queue/DLQ");
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        while (!inDeadLetters(deadLetters, messageId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(messageId + " did not reach the dead-letter queue in " + DELIVERY_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    private boolean inDeadLetters(Queue deadLetters, String messageId) throws Exception {
        try (QueueBrowser browser =
                jms.createBrowser(deadLetters, UplinkSegmentHeaders.MESSAGE_ID + " = '" + messageId + "'")) {
            return browser.getEnumeration().hasMoreElements();
        }
    }

    private ConnectedCall connectedCall() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String callId = UUID.randomUUID().toString();
        inTransaction(() -> {
            Channel channel = new Channel("ch-" + suffix, "Hall", "UTC", "test", "key-" + suffix);
            channel.setCaptureEnabled(false);
            channels.persist(channel);
            terminals.persist(new Terminal("t-a-" + suffix, "Son's phone", "not-a-real-secret"));
            terminals.persist(new Terminal("t-b-" + suffix, "Grandma's tablet", "not-a-real-secret"));
            calls.persist(new Call(callId, channel.getChannelId(), "t-a-" + suffix, "t-b-" + suffix, Instant.now()));
            return null;
        });
        return new ConnectedCall(callId, "ch-" + suffix, "t-b-" + suffix);
    }

    private Message awaitMessage(String messageId, Predicate<Message> condition) throws Exception {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            var found = inTransaction(() -> messages.findById(messageId));
            if (found.isPresent() && condition.test(found.get())) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + messageId + " not as expected within " + DELIVERY_TIMEOUT);
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

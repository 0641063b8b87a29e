package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelRemoved;
import org.replycast.channel.ChannelRepository;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;
import org.replycast.terminal.AccessSchedule;
import org.replycast.terminal.DateRange;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;
import org.replycast.terminal.TerminalWithdrawn;
import org.replycast.testing.ReplycastEar;

/**
 * Runs inside the server against the real database, timers and broker: call processing as PROTOCOL.md,
 * section 3, specifies it. The ring timeout is shortened for the tests in arquillian.xml.
 */
@ExtendWith(ArquillianExtension.class)
class CallProcessingServiceIT {

    // Above the ring timeout that arquillian.xml sets, with room for a busy machine.
    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @Deployment
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestClasses(CallProcessingServiceIT.class);
    }

    @Inject
    CallProcessingService callProcessing;

    @Inject
    CallTokens callTokens;

    @Inject
    ChannelRepository channels;

    @Inject
    TerminalRepository terminals;

    @Inject
    Event<ChannelRemoved> channelRemovals;

    @Inject
    Event<TerminalWithdrawn> terminalWithdrawals;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/topic/CallEvents")
    Topic callEvents;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCallToItselfIsConnectedAtOnceWithTwoDistinctUnguessableTokens() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);

        CallSnapshot call = callProcessing.start(terminal, channel, null);

        assertEquals(CallState.CONNECTED, call.state());
        assertEquals(terminal, call.destinationTerminalId());
        assertNotNull(call.connectedAt());
        assertTrue(Base64.getUrlDecoder().decode(call.playbackToken()).length >= 16, "at least 128 bits");
        assertTrue(Base64.getUrlDecoder().decode(call.uplinkToken()).length >= 16, "at least 128 bits");
        assertNotEquals(call.playbackToken(), call.uplinkToken());
        ConnectedCall connected = new ConnectedCall(call.callId(), channel, terminal);
        assertEquals(connected, callTokens.byPlaybackToken(call.playbackToken()).orElseThrow());
        assertEquals(connected, callTokens.byUplinkToken(call.uplinkToken()).orElseThrow());
    }

    @Test
    void theCallersOwnIdAsDestinationIsACallToItself() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);

        CallSnapshot call = callProcessing.start(terminal, channel, terminal);

        assertEquals(CallState.CONNECTED, call.state());
    }

    @Test
    void aCallToAnotherTerminalRingsUntilTheDestinationAnswers() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);

        CallSnapshot ringing = callProcessing.start(requester, channel, destination);
        assertEquals(CallState.RINGING, ringing.state());
        assertNull(ringing.playbackToken());
        assertEquals(List.of(ringing.callId()), ids(callProcessing.list(destination, CallState.RINGING)));

        CallSnapshot answered = callProcessing.answer(destination, ringing.callId());

        assertEquals(CallState.CONNECTED, answered.state());
        assertNotNull(answered.playbackToken());
        assertEquals(
                CallState.CONNECTED,
                callProcessing.find(requester, ringing.callId()).state());
        assertEquals(List.of(ringing.callId()), ids(callProcessing.list(requester, null)));
    }

    @Test
    void onlyTheDestinationAnswersOrDeclines() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        CallSnapshot ringing = callProcessing.start(requester, channel, destination);

        assertProblem(ProblemType.CONFLICT, () -> callProcessing.answer(requester, ringing.callId()));
        assertProblem(ProblemType.CONFLICT, () -> callProcessing.decline(requester, ringing.callId()));

        assertEquals(
                CallState.RINGING,
                callProcessing.find(requester, ringing.callId()).state());
    }

    @Test
    void theDestinationDeclines() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        CallSnapshot ringing = callProcessing.start(requester, channel, destination);

        CallSnapshot declined = callProcessing.decline(destination, ringing.callId());

        assertEquals(CallState.DECLINED, declined.state());
        assertNotNull(declined.endedAt());
        assertEquals(
                CallState.DECLINED,
                callProcessing.find(requester, ringing.callId()).state());
    }

    @Test
    void aTerminalThatIsNoPartyFindsNoCall() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        String stranger = terminal(null);
        String callId = callProcessing.start(requester, channel, destination).callId();

        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.find(stranger, callId));
        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.answer(stranger, callId));
        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.decline(stranger, callId));
        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.release(stranger, callId));
        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.find(requester, "../" + callId));

        assertEquals(CallState.RINGING, callProcessing.find(requester, callId).state());
        assertTrue(callProcessing.list(stranger, null).isEmpty());
    }

    @Test
    void anIllegalTransitionIsAConflictThatChangesNothing() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);
        CallSnapshot call = callProcessing.start(terminal, channel, null);

        ProblemException declined =
                assertProblem(ProblemType.CONFLICT, () -> callProcessing.decline(terminal, call.callId()));
        assertTrue(
                declined.detail().contains("CONNECTED") && declined.detail().contains("DECLINED"), declined.detail());
        callProcessing.release(terminal, call.callId());
        assertProblem(ProblemType.CONFLICT, () -> callProcessing.release(terminal, call.callId()));
        assertProblem(ProblemType.CONFLICT, () -> callProcessing.answer(terminal, call.callId()));

        CallSnapshot released = callProcessing.find(terminal, call.callId());
        assertEquals(CallState.RELEASED, released.state());
        assertEquals("released by " + terminal, released.reason());
    }

    @Test
    void startIsRefusedWithTheProtocolsCodes() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String disabled = terminal(null);
        inTransaction(() -> {
            terminals.findById(disabled).orElseThrow().setEnabled(false);
            return null;
        });
        String outsideSchedule = terminal(null);
        inTransaction(() -> {
            terminals
                    .findById(outsideSchedule)
                    .orElseThrow()
                    .setSchedule(new AccessSchedule(
                            List.of(), List.of(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2)))));
            return null;
        });

        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.start(requester, "nowhere-" + suffix, null));
        assertProblem(ProblemType.NOT_FOUND, () -> callProcessing.start(requester, channel, "nobody-" + suffix));
        assertProblem(ProblemType.DESTINATION_UNAVAILABLE, () -> callProcessing.start(requester, channel, disabled));
        assertProblem(ProblemType.TERMINAL_DISABLED, () -> callProcessing.start(disabled, channel, null));
        assertProblem(ProblemType.OUTSIDE_SCHEDULE, () -> callProcessing.start(outsideSchedule, channel, null));
        assertProblem(ProblemType.INVALID, () -> callProcessing.start(requester, "../" + channel, null));
        assertProblem(ProblemType.INVALID, () -> callProcessing.start(requester, channel, "a/b"));

        assertTrue(callProcessing.listAll(null, channel).isEmpty(), "no refused start left a call");
    }

    @Test
    void aCallNobodyAnswersIsMissedAfterTheRingTimeout() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        String callId = callProcessing.start(requester, channel, destination).callId();

        CallSnapshot missed = await(() -> callProcessing.find(requester, callId), CallState.MISSED);

        assertNotNull(missed.endedAt());
    }

    @Test
    void aDestinationWithAutoAnswerAnswersOnItsOwn() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(1);
        String callId = callProcessing.start(requester, channel, destination).callId();

        CallSnapshot connected = await(() -> callProcessing.find(destination, callId), CallState.CONNECTED);

        assertNotNull(connected.playbackToken());
    }

    @Test
    void aCallIsReleasedAtTheChannelsMaximumCallLength() throws Exception {
        String channel = channel(10, 3);
        String terminal = terminal(null);
        CallSnapshot call = callProcessing.start(terminal, channel, null);

        CallSnapshot released = await(() -> callProcessing.find(terminal, call.callId()), CallState.RELEASED);

        assertEquals("maximum call length reached", released.reason());
        assertTrue(callTokens.byPlaybackToken(call.playbackToken()).isEmpty());
    }

    @Test
    void aFullChannelAdmitsExactlyItsMaximumOfConcurrentCalls() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);
        int attempts = 100;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        List<Future<ProblemType>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                outcomes.add(threads.submit(() -> {
                    go.await();
                    try {
                        callProcessing.start(terminal, channel, null);
                        return null;
                    } catch (ProblemException refused) {
                        return refused.type();
                    }
                }));
            }
            go.countDown();
            int connected = 0;
            int atCapacity = 0;
            for (Future<ProblemType> outcome : outcomes) {
                ProblemType refusal = outcome.get();
                if (refusal == null) {
                    connected++;
                } else if (refusal == ProblemType.CAPACITY) {
                    atCapacity++;
                }
            }
            assertEquals(10, connected);
            assertEquals(90, atCapacity);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(10, callProcessing.connectedCalls(channel));
        assertEquals(10, callProcessing.listAll(CallState.CONNECTED, channel).size());
        assertEquals(10L, callProcessing.connectedCallsByChannel().get(channel));
    }

    @Test
    void anAnswerIsRefusedWhenTheChannelFilledWhileItRang() throws Exception {
        String channel = channel(1, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        String callId = callProcessing.start(requester, channel, destination).callId();
        callProcessing.start(requester, channel, null);

        assertProblem(ProblemType.CAPACITY, () -> callProcessing.answer(destination, callId));
        assertProblem(ProblemType.CAPACITY, () -> callProcessing.start(requester, channel, null));

        assertEquals(CallState.RINGING, callProcessing.find(destination, callId).state());
    }

    @Test
    void aReleasedCallsTokensAreInvalidAtOnce() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);
        CallSnapshot call = callProcessing.start(terminal, channel, null);
        assertTrue(callTokens.byPlaybackToken(call.playbackToken()).isPresent());
        assertTrue(callTokens.byUplinkToken(call.uplinkToken()).isPresent());

        callProcessing.release(terminal, call.callId());

        assertTrue(callTokens.byPlaybackToken(call.playbackToken()).isEmpty());
        assertTrue(callTokens.byUplinkToken(call.uplinkToken()).isEmpty());
    }

    @Test
    void anAdministratorEndsACall() throws Exception {
        String channel = channel(10, 3600);
        String terminal = terminal(null);
        CallSnapshot call = callProcessing.start(terminal, channel, null);

        CallSnapshot ended = callProcessing.end(call.callId(), "alice");

        assertEquals(CallState.RELEASED, ended.state());
        assertEquals("ended by an administrator", ended.reason());
        assertTrue(callTokens.byPlaybackToken(call.playbackToken()).isEmpty());
        assertProblem(
                ProblemType.NOT_FOUND,
                () -> callProcessing.end(UUID.randomUUID().toString(), "alice"));
    }

    @Test
    void removingAChannelReleasesItsCalls() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        CallSnapshot connected = callProcessing.start(requester, channel, null);
        CallSnapshot ringing = callProcessing.start(requester, channel, destination);

        inTransaction(() -> {
            channels.findById(channel).orElseThrow().remove(Instant.now());
            channelRemovals.fire(new ChannelRemoved(channel));
            return null;
        });

        for (CallSnapshot call : List.of(connected, ringing)) {
            CallSnapshot released = callProcessing.find(requester, call.callId());
            assertEquals(CallState.RELEASED, released.state());
            assertEquals("channel removed", released.reason());
        }
        assertTrue(callTokens.byPlaybackToken(connected.playbackToken()).isEmpty());
    }

    @Test
    void withdrawingATerminalReleasesItsCalls() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        CallSnapshot ringing = callProcessing.start(requester, channel, destination);
        CallSnapshot connected = callProcessing.start(destination, channel, null);
        CallSnapshot unrelated = callProcessing.start(requester, channel, null);

        inTransaction(() -> {
            terminals.findById(destination).orElseThrow().setEnabled(false);
            terminalWithdrawals.fire(new TerminalWithdrawn(destination, "terminal disabled"));
            return null;
        });

        for (CallSnapshot call : List.of(ringing, connected)) {
            CallSnapshot released = callProcessing.find(destination, call.callId());
            assertEquals(CallState.RELEASED, released.state());
            assertEquals("terminal disabled", released.reason());
        }
        assertEquals(
                CallState.CONNECTED,
                callProcessing.find(requester, unrelated.callId()).state());
    }

    @Test
    void everyChangeIsPublishedOnTheCallEventsTopic() throws Exception {
        String channel = channel(10, 3600);
        String requester = terminal(null);
        String destination = terminal(null);
        try (JMSContext jms = connectionFactory.createContext();
                JMSConsumer consumer =
                        jms.createConsumer(callEvents, CallEventPublisher.CHANNEL_ID + " = '" + channel + "'")) {
            String callId =
                    callProcessing.start(requester, channel, destination).callId();
            callProcessing.answer(destination, callId);
            callProcessing.release(requester, callId);

            List<CallState> states = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Message message = consumer.receive(DEADLINE.toMillis());
                assertNotNull(message, "event " + (i + 1) + " of 3 arrived");
                CallSnapshot event = CallSnapshot.fromJson(message.getBody(String.class));
                assertEquals(callId, event.callId());
                states.add(event.state());
            }
            assertEquals(List.of(CallState.RINGING, CallState.CONNECTED, CallState.RELEASED), states);
        }
    }

    @Test
    void nothingIsPublishedForARefusedStart() throws Exception {
        String channel = channel(1, 3600);
        String terminal = terminal(null);
        callProcessing.start(terminal, channel, null);
        try (JMSContext jms = connectionFactory.createContext();
                JMSConsumer consumer =
                        jms.createConsumer(callEvents, CallEventPublisher.CHANNEL_ID + " = '" + channel + "'")) {
            assertProblem(ProblemType.CAPACITY, () -> callProcessing.start(terminal, channel, null));

            assertNull(consumer.receive(2000));
        }
    }

    private String channel(int maxConnectedCalls, int maxCallSeconds) throws Exception {
        String channelId = "calls-" + UUID.randomUUID().toString().substring(0, 12);
        inTransaction(() -> {
            Channel channel = new Channel(channelId, "Hall " + channelId, "Europe/Paris", "test", "key-" + channelId);
            // No ffmpeg: these channels stay in the database, and every later deployment would capture them.
            channel.setCaptureEnabled(false);
            channel.setMaxConnectedCalls(maxConnectedCalls);
            channel.setMaxCallSeconds(maxCallSeconds);
            channels.persist(channel);
            return null;
        });
        return channelId;
    }

    private String terminal(Integer autoAnswerSeconds) throws Exception {
        String terminalId = "T-" + UUID.randomUUID().toString().substring(0, 12);
        inTransaction(() -> {
            Terminal terminal = new Terminal(terminalId, "Terminal " + terminalId, "not-a-real-secret");
            terminal.setAutoAnswerSeconds(autoAnswerSeconds);
            terminals.persist(terminal);
            return null;
        });
        return terminalId;
    }

    private static List<String> ids(List<CallSnapshot> calls) {
        return calls.stream().map(CallSnapshot::callId).toList();
    }

    private static ProblemException assertProblem(ProblemType expected, Runnable action) {
        ProblemException thrown = assertThrows(ProblemException.class, action::run);
        assertEquals(expected, thrown.type(), thrown.detail());
        return thrown;
    }

    private static CallSnapshot await(Supplier<CallSnapshot> read, CallState expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        CallSnapshot call = read.get();
        while (call.state() != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            call = read.get();
        }
        assertEquals(expected, call.state(), "state within " + DEADLINE);
        return call;
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

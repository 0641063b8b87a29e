package org.replycast.gateway;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.replycast.api.JsonBody;
import org.replycast.call.ConnectedCall;
import org.replycast.message.Message;
import org.replycast.message.MessageRejection;
import org.replycast.message.Uplink;
import org.replycast.message.UplinkRefusal;
import org.replycast.message.UplinkService;
import org.replycast.problem.ProblemException;

/**
 * One WebSocket connection of the gateway (PROTOCOL.md, section 5) as a state machine: idle until {@code
 * start} (or {@code start} with {@code resume}), receiving segments, each acknowledged once {@link
 * UplinkService} has it durably on the queue, then waiting for the storage side's outcome of {@code end},
 * which it reads from the message's row until it is {@code stored} or an {@code error}. Every refusal is an
 * {@code error} with a stable code; a connection that closes while receiving leaves the message {@code
 * INCOMPLETE}, to be resumed.
 */
final class GatewaySession {

    static final String NOT_FOUND = "not-found";
    static final String INVALID = "invalid";
    static final String NOT_STARTED = "not-started";
    static final String ALREADY_STARTED = "already-started";
    static final String ENDED = "ended";
    static final String INCOMPLETE = "incomplete";
    static final String REJECTED = "rejected";
    static final String STORAGE_TIMEOUT = "storage-timeout";
    static final String INTERNAL = "internal";

    private static final Logger LOG = Logger.getLogger(GatewaySession.class.getName());
    private static final String[] FIELDS = {"type", "contentType", "title", "resume", "sha256"};
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration LONGEST_POLL = Duration.ofMillis(250);

    private enum State {
        /** No message yet on this connection. */
        IDLE,
        RECEIVING,
        /** Ended, waiting for the storage side's outcome. */
        ENDED,
        /** The last message is over (stored, refused or aborted); a new one may start. */
        DONE,
        CLOSED
    }

    private final String id = UUID.randomUUID().toString();
    private final Supplier<Optional<ConnectedCall>> call;
    private final UplinkService uplinks;
    private final GatewayConnection connection;
    private final ScheduledExecutorService scheduler;
    private final AwaitedOutcomes outcomes;
    private final Duration outcomePatience;

    private State state = State.IDLE;
    private Uplink uplink;
    private long offset;
    private Instant outcomeDeadline;
    private ScheduledFuture<?> poll;
    // The parts of a segment that arrives in several frames, only while it does, never more than a segment's bytes.
    private ByteArrayOutputStream pending;
    private long oversizeBytes;

    /**
     * @param call the connected call of the connection's token, looked up anew at each step, so a call that
     *     ended stops its uplink
     */
    GatewaySession(
            Supplier<Optional<ConnectedCall>> call,
            UplinkService uplinks,
            GatewayConnection connection,
            ScheduledExecutorService scheduler,
            AwaitedOutcomes outcomes,
            Duration outcomePatience) {
        this.call = call;
        this.uplinks = uplinks;
        this.connection = connection;
        this.scheduler = scheduler;
        this.outcomes = outcomes;
        this.outcomePatience = outcomePatience;
    }

    /** Refuses and closes a connection whose token names no connected call. */
    synchronized void opened() {
        if (call.get().isEmpty()) {
            callGone();
        }
    }

    /** A text message: a command. */
    synchronized void text(String json) {
        JsonBody command;
        try {
            command = JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FIELDS);
        } catch (ProblemException unreadable) {
            error(INVALID, unreadable.detail());
            return;
        }
        String type = command.string("type");
        try {
            switch (type == null ? "" : type) {
                case "start" -> start(command);
                case "end" -> end(command.string("sha256"));
                case "abort" -> abort();
                default -> error(INVALID, "type must be start, end or abort.");
            }
        } catch (ProblemException broken) {
            error(INVALID, broken.detail());
        }
    }

    /** A part of a binary message, one segment of the media; the last part completes it. */
    synchronized void binary(ByteBuffer part, boolean last) {
        int buffered = pending == null ? 0 : pending.size();
        byte[] whole = null;
        if (oversizeBytes > 0 || buffered + part.remaining() > UplinkService.SEGMENT_BYTES) {
            oversizeBytes += buffered + part.remaining();
            pending = null;
        } else if (last && pending == null) {
            whole = bytesOf(part);
        } else {
            if (pending == null) {
                pending = new ByteArrayOutputStream();
            }
            pending.writeBytes(bytesOf(part));
            if (last) {
                whole = pending.toByteArray();
                pending = null;
            }
        }
        if (!last) {
            return;
        }
        long oversize = oversizeBytes;
        oversizeBytes = 0;
        if (state == State.IDLE) {
            error(NOT_STARTED, "Send a start signal before the segments.");
        } else if (state == State.ENDED || state == State.DONE) {
            error(ENDED, "The message has ended; start a new one for more segments.");
        } else if (state == State.RECEIVING && stillConnected()) {
            if (oversize > 0) {
                String reason = "A segment may have at most " + UplinkService.SEGMENT_BYTES + " bytes; one had "
                        + oversize + ".";
                uplinks.abort(uplink.messageId(), MessageRejection.FRAME_TOO_LARGE, reason);
                refused(MessageRejection.FRAME_TOO_LARGE.code(), reason);
            } else {
                append(whole);
            }
        }
    }

    /** A step failed inside the server: the terminal is told, and the connection closed (it may resume). */
    synchronized void failed(Throwable failure) {
        LOG.log(
                Level.WARNING,
                "gateway connection failed" + (uplink == null ? "" : " on message " + uplink.messageId()),
                failure);
        error(INTERNAL, "The server failed to take this step; connect again and resume the message.");
        connection.close("server failure");
    }

    /** The connection closed: a message still receiving waits, {@code INCOMPLETE}, for a resume. */
    synchronized void closed() {
        if (state == State.RECEIVING) {
            uplinks.suspend(uplink.messageId(), id);
            LOG.info(() -> "message " + uplink.messageId() + " suspended at " + offset + ": connection closed");
        }
        if (poll != null) {
            poll.cancel(false);
        }
        if (state == State.ENDED) {
            outcomes.stop(uplink.messageId());
        }
        state = State.CLOSED;
    }

    private void start(JsonBody command) {
        if (state == State.RECEIVING || state == State.ENDED) {
            error(ALREADY_STARTED, "Message " + uplink.messageId() + " is under way; end or abort it first.");
            return;
        }
        Optional<ConnectedCall> connected = call.get();
        if (connected.isEmpty()) {
            callGone();
            return;
        }
        String resume = command.string("resume");
        try {
            uplink = resume != null
                    ? uplinks.resume(connected.get(), resume, id)
                    : uplinks.open(connected.get(), command.string("contentType"), command.string("title"), null, id);
        } catch (UplinkRefusal refusal) {
            error(refusal.code(), refusal.detail());
            return;
        }
        offset = uplink.offset();
        state = State.RECEIVING;
        connection.send(Json.createObjectBuilder()
                .add("type", "started")
                .add("messageId", uplink.messageId())
                .add("offset", offset)
                .build()
                .toString());
    }

    private void append(byte[] segment) {
        try {
            offset = uplinks.append(uplink, offset, segment, 0, segment.length);
        } catch (UplinkRefusal refusal) {
            refused(refusal.code(), refusal.detail());
            return;
        }
        connection.send(Json.createObjectBuilder()
                .add("type", "ack")
                .add("offset", offset)
                .build()
                .toString());
    }

    private void end(String sha256) {
        if (state != State.RECEIVING) {
            error(state == State.IDLE ? NOT_STARTED : ENDED, "There is no message under way to end.");
            return;
        }
        if (!stillConnected()) {
            return;
        }
        try {
            uplinks.end(uplink, offset, sha256);
        } catch (UplinkRefusal refusal) {
            error(refusal.code(), refusal.detail());
            return;
        }
        state = State.ENDED;
        outcomeDeadline = Instant.now().plus(outcomePatience);
        outcomes.await(uplink.messageId(), () -> scheduler.execute(this::announced));
        schedulePoll(FIRST_POLL);
    }

    private void abort() {
        if (state != State.RECEIVING) {
            error(state == State.IDLE ? NOT_STARTED : ENDED, "There is no message under way to abort.");
            return;
        }
        uplinks.abort(uplink.messageId(), MessageRejection.ABORTED, "The sender aborted the message.");
        LOG.info(() -> "message " + uplink.messageId() + " aborted by its sender");
        state = State.DONE;
    }

    private void schedulePoll(Duration after) {
        poll = scheduler.schedule(() -> outcome(after), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A change of the message was announced: its outcome is read now, and the polls start again after it. */
    private synchronized void announced() {
        if (state != State.ENDED) {
            return;
        }
        if (poll != null) {
            poll.cancel(false);
        }
        outcome(LONGEST_POLL);
    }

    /** Reads the message's row until the storage side has decided: stored, rejected or given up. */
    private synchronized void outcome(Duration waited) {
        if (state != State.ENDED) {
            return;
        }
        try {
            Message message = uplinks.find(uplink.messageId()).orElseThrow();
            switch (message.getState()) {
                case STORED -> stored(message);
                case REJECTED ->
                    refused(
                            message.getRejection() == null
                                    ? REJECTED
                                    : message.getRejection().code(),
                            message.getReason());
                case INCOMPLETE -> refused(INCOMPLETE, "The message was given up before it was stored.");
                case RECEIVING -> {
                    if (Instant.now().isAfter(outcomeDeadline)) {
                        refused(
                                STORAGE_TIMEOUT,
                                "The message was not stored in time; ask for it later with GET" + " /api/v1/messages/"
                                        + uplink.messageId() + ".");
                    } else {
                        Duration next = waited.multipliedBy(2);
                        schedulePoll(next.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : next);
                    }
                }
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "message " + uplink.messageId() + ": its outcome could not be read", failed);
            refused(INTERNAL, "The server could not tell whether the message was stored; ask for it later.");
        }
    }

    private void stored(Message message) {
        outcomes.stop(message.getMessageId());
        state = State.DONE;
        connection.send(Json.createObjectBuilder()
                .add("type", "stored")
                .add("messageId", message.getMessageId())
                .add("bytes", message.getBytes())
                .add("sha256", message.getSha256())
                .build()
                .toString());
    }

    /** The message under way is over without being stored. */
    private void refused(String code, String detail) {
        error(code, detail);
        if (state == State.ENDED) {
            outcomes.stop(uplink.messageId());
        }
        state = State.DONE;
    }

    private static byte[] bytesOf(ByteBuffer part) {
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        return bytes;
    }

    private boolean stillConnected() {
        if (call.get().isPresent()) {
            return true;
        }
        closed();
        callGone();
        return false;
    }

    private void callGone() {
        error(
                NOT_FOUND,
                "There is no connected call at this address: the call has ended, or the address is not"
                        + " one of its.");
        connection.close("call not connected");
    }

    private void error(String code, String detail) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("type", "error")
                .add("code", code)
                .add("detail", detail == null ? code : detail);
        if (state == State.RECEIVING || state == State.ENDED) {
            error.add("messageId", uplink.messageId());
        }
        connection.send(error.build().toString());
    }
}

package org.replycast.gateway;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.replycast.call.CallTokens;
import org.replycast.message.UplinkService;

/**
 * The WebSocket gateway at {@code <uplinkUrl>/ws}, {@code /gateway/{token}/ws} (PROTOCOL.md, section 5): one
 * {@link GatewaySession} per connection, which this endpoint feeds with the connection's text and binary
 * messages (binary ones as their frames arrive, so an oversized one is never held whole). The token, looked up
 * in {@link CallTokens}, is the only credential, valid while its call is connected.
 */
@ServerEndpoint("/gateway/{token}/ws")
public class GatewayEndpoint {

    private static final Logger LOG = Logger.getLogger(GatewayEndpoint.class.getName());
    private static final String SESSION = GatewaySession.class.getName();
    // Hashing and probing a large reply takes a while; a terminal that waits longer asks the API.
    private static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(10);
    private static final int COMMAND_BYTES = 64 * 1024;

    @Inject
    CallTokens tokens;

    @Inject
    UplinkService uplinks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AwaitedOutcomes outcomes;

    @OnOpen
    public void open(Session connection, @PathParam("token") String token) {
        GatewaySession session = new GatewaySession(
                () -> tokens.byUplinkToken(token),
                uplinks,
                new Connection(connection),
                scheduler,
                outcomes,
                OUTCOME_PATIENCE);
        connection.getUserProperties().put(SESSION, session);
        session.opened();
    }

    @OnMessage(maxMessageSize = COMMAND_BYTES)
    public void text(Session connection, String command) {
        GatewaySession session = sessionOf(connection);
        try {
            session.text(command);
        } catch (RuntimeException failure) {
            session.failed(failure);
        }
    }

    @OnMessage
    public void binary(Session connection, ByteBuffer part, boolean last) {
        GatewaySession session = sessionOf(connection);
        try {
            session.binary(part, last);
        } catch (RuntimeException failure) {
            session.failed(failure);
        }
    }

    @OnClose
    public void close(Session connection) {
        sessionOf(connection).closed();
    }

    @OnError
    public void error(Session connection, Throwable failure) {
        // A terminal that goes away mid-frame is an ordinary event; the close that follows suspends its message.
        LOG.log(Level.FINE, "gateway connection error", failure);
    }

    private static GatewaySession sessionOf(Session connection) {
        return (GatewaySession) connection.getUserProperties().get(SESSION);
    }

    /** The session's connection, as the session needs it. */
    private record Connection(Session session) implements GatewayConnection {

        @Override
        public void send(String json) {
            try {
                session.getBasicRemote().sendText(json);
            } catch (IOException gone) {
                // The terminal went away; its close suspends the message.
                LOG.log(Level.FINE, "gateway reply not sent", gone);
            }
        }

        @Override
        public void close(String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException gone) {
                LOG.log(Level.FINE, "gateway connection already closed", gone);
            }
        }
    }
}

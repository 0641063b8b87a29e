package org.replycast.gateway;

/** What a {@link GatewaySession} needs of its WebSocket connection: to send a text reply, and to close it. */
interface GatewayConnection {

    /** Sends one JSON text message to the terminal. */
    void send(String json);

    /** Closes the connection, saying why. */
    void close(String reason);
}

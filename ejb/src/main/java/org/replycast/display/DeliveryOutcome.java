package org.replycast.display;

/**
 * How one webhook attempt went.
 *
 * @param delivered whether the receiver answered 2xx
 * @param detail what happened, such as {@code HTTP 503} or a connection error, never the URL
 */
public record DeliveryOutcome(boolean delivered, String detail) {}

package org.replycast.display;

/**
 * A webhook claimed for one attempt, with what sending it needs.
 *
 * @param secret the channel's forwarding secret, or null when the channel has none
 * @param attempt the number of this attempt, from 1
 */
public record DueDelivery(
        String deliveryId,
        String messageId,
        ForwardedEvent event,
        String url,
        String body,
        String secret,
        int attempt) {

    /** Keeps the URL (it may carry credentials) and the secret out of logs. */
    @Override
    public String toString() {
        return "DueDelivery[" + deliveryId + ", " + messageId + ", " + event + ", attempt " + attempt + "]";
    }
}

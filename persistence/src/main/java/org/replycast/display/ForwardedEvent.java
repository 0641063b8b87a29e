package org.replycast.display;

/** The message events that a channel's forwarding URL hears of, each once per message. */
public enum ForwardedEvent {
    /** Every byte of the message is durable: {@code message.stored}. */
    STORED("message.stored"),
    /** The message may be shown: {@code message.approved}. */
    APPROVED("message.approved");

    private final String wireName;

    ForwardedEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The event's name in the webhook's body and its {@code Replycast-Event} header. */
    public String wireName() {
        return wireName;
    }
}

package org.replycast.display;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Waiting for its next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; no more are made. */
    FAILED
}

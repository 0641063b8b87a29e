package org.replycast.call;

/**
 * A CDI event, fired by {@link CallProcessingService} inside the transaction that changed a call; its
 * observers act only after a successful commit, so that nothing rolled back is ever announced.
 *
 * @param actor who made the change: a terminal id, an administrator's name, or {@code server}
 */
public record CallChanged(CallSnapshot call, String actor) {}

package org.replycast.call;

/**
 * A CDI event, fired on every node for each change that arrives on the {@code CallEvents} topic, the change
 * of this node included: the event streams of terminals and the token caches of all nodes follow it.
 */
public record CallAnnounced(CallSnapshot call) {}

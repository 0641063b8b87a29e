package org.replycast.message;

/**
 * A reply on its way in, as a gateway connection holds it after {@link UplinkService#open} or {@link
 * UplinkService#resume}: its id, the most bytes its channel takes, the length its sender declared (null when
 * unknown), and the offset to continue from.
 */
public record Uplink(String messageId, long maxBytes, Long declaredBytes, long offset) {}

package org.replycast.message;

/**
 * How many bytes of stored messages a terminal keeps, and its own quota ({@code null} when the server's
 * default applies): a row of {@link MessageRepository#storedBytesBySender()}.
 */
public record StoredBytes(String terminalId, long bytes, Long quotaBytes) {}

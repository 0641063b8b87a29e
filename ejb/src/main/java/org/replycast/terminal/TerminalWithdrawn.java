package org.replycast.terminal;

/**
 * A CDI event, fired inside the transaction that disables or removes a terminal, so that call processing
 * ends the terminal's ringing and connected calls in the same transaction.
 *
 * @param reason why, for the calls' {@code reason}, such as {@code terminal disabled}
 */
public record TerminalWithdrawn(String terminalId, String reason) {}

package org.replycast.terminal;

/**
 * What an administrator gives to register a terminal. {@code terminalId} and {@code displayName} are
 * required; a null {@code autoAnswerSeconds} means the terminal never answers on its own, a null {@code
 * schedule} that it may start at any time, a null {@code quotaBytes} that the server's default quota applies.
 */
public record TerminalRegistration(
        String terminalId, String displayName, Integer autoAnswerSeconds, AccessSchedule schedule, Long quotaBytes) {}

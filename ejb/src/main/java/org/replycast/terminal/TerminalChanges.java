package org.replycast.terminal;

import java.util.Optional;

/**
 * What an administrator changes on a terminal, as a PATCH sends it: a null field is left as it is. {@code
 * autoAnswerSeconds} and {@code quotaBytes} (back to the server's default) may also be cleared, so they are
 * {@link Optional}s that are empty to clear; the schedule
 * is replaced whole, {@link AccessSchedule#ALWAYS} to clear it.
 */
public record TerminalChanges(
        String displayName,
        Optional<Integer> autoAnswerSeconds,
        AccessSchedule schedule,
        Boolean enabled,
        Optional<Long> quotaBytes) {}

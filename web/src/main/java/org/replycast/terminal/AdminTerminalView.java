package org.replycast.terminal;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A terminal as an administrator sees it. Never the secret's ciphertext; the secret itself only in the
 * answer to a registration, the one time it is shown (null, and so left out of the JSON, everywhere else).
 */
public record AdminTerminalView(
        String terminalId,
        String displayName,
        boolean enabled,
        Integer autoAnswerSeconds,
        ScheduleView schedule,
        @Schema(
                        description =
                                "Bytes of stored replies the terminal keeps before its oldest are removed; null: the"
                                        + " server's default (replycast.messages.terminal-quota-bytes)")
                Long quotaBytes,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Raised by every change; tells a client whether the terminal changed since it looked")
                long version,
        @Schema(description = "Only in the answer to a registration: the secret, base64url, shown this once")
                String secret) {

    static AdminTerminalView of(Terminal terminal) {
        return of(terminal, null);
    }

    static AdminTerminalView registered(RegisteredTerminal registered) {
        return of(registered.terminal(), registered.secret());
    }

    private static AdminTerminalView of(Terminal terminal, String secret) {
        return new AdminTerminalView(
                terminal.getTerminalId(),
                terminal.getDisplayName(),
                terminal.isEnabled(),
                terminal.getAutoAnswerSeconds(),
                ScheduleView.of(terminal.getSchedule()),
                terminal.getQuotaBytes(),
                terminal.getCreatedAt(),
                terminal.getUpdatedAt(),
                terminal.getVersion(),
                secret);
    }

    @Override
    public String toString() {
        return "AdminTerminalView[" + terminalId + "]"; // never the secret, not even in a log
    }
}

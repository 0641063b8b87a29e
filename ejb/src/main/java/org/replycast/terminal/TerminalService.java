package org.replycast.terminal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;
import org.replycast.auth.SecretCipher;
import org.replycast.auth.SecretCipher.IssuedSecret;
import org.replycast.problem.EntityRules;
import org.replycast.problem.IntegrityViolation;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Terminals for administrators: registers them with a secret shown once, lists, changes, disables, rotates
 * secrets and removes them. Secrets reach the database only through {@link SecretCipher}; disabling and
 * removal tell call processing through {@link TerminalWithdrawn}; every change goes to the audit trail.
 */
@Stateless
public class TerminalService {

    private static final Logger LOG = Logger.getLogger(TerminalService.class.getName());

    @Inject
    TerminalRepository terminals;

    @Inject
    SecretCipher cipher;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<TerminalWithdrawn> withdrawn;

    /**
     * Registers an enabled terminal with a fresh secret.
     *
     * @param actor the administrator's name, for the audit trail
     * @throws ProblemException {@code invalid} naming the field that breaks a rule, {@code conflict} when the
     *     terminal id is taken, by a removed terminal too
     */
    public RegisteredTerminal register(TerminalRegistration registration, String actor) {
        IssuedSecret secret = cipher.issueSecret();
        Terminal terminal = EntityRules.enforce(() -> {
            Terminal registered =
                    new Terminal(registration.terminalId(), registration.displayName(), secret.ciphertext());
            registered.setAutoAnswerSeconds(registration.autoAnswerSeconds());
            registered.setSchedule(registration.schedule());
            registered.setQuotaBytes(registration.quotaBytes());
            return registered;
        });
        String terminalId = terminal.getTerminalId();
        if (terminals.isIdTaken(terminalId)) {
            throw taken(terminalId);
        }
        try {
            terminals.persist(terminal);
            terminals.flush();
        } catch (PersistenceException rejected) {
            if (IntegrityViolation.isCauseOf(rejected)) {
                throw taken(terminalId); // another request registered the same id since the check above
            }
            throw rejected;
        }
        audit("terminal-registered", actor, terminalId, null);
        LOG.info(() -> "terminal " + terminalId + " registered by " + actor);
        return new RegisteredTerminal(terminal, secret.forTerminal());
    }

    /** A page of the terminals whose id or display name contains the text, in id order; removed ones left out. */
    public List<Terminal> search(String text, int offset, int limit) {
        return terminals.search(text, offset, limit);
    }

    /** How many terminals {@link #search} pages through. */
    public long count(String text) {
        return terminals.count(text);
    }

    /** @throws ProblemException {@code not-found} when there is no such terminal, or it was removed */
    public Terminal find(String terminalId) {
        // The id is not repeated: it may be long or arbitrary input, and the problem's instance names the path.
        return terminals
                .findById(terminalId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no terminal with this id."));
    }

    /**
     * Applies the changes that are given; disabling ends the terminal's calls through {@link
     * TerminalWithdrawn}.
     *
     * @throws ProblemException {@code not-found}, or {@code invalid} naming the field that breaks a rule, and
     *     then nothing is changed
     */
    public Terminal update(String terminalId, TerminalChanges changes, String actor) {
        Terminal terminal = find(terminalId);
        List<String> changed = new ArrayList<>();
        EntityRules.enforce(() -> {
            if (changes.displayName() != null) {
                terminal.setDisplayName(changes.displayName());
                changed.add("displayName");
            }
            if (changes.autoAnswerSeconds() != null) {
                terminal.setAutoAnswerSeconds(changes.autoAnswerSeconds().orElse(null));
                changed.add("autoAnswerSeconds");
            }
            if (changes.schedule() != null) {
                terminal.setSchedule(changes.schedule());
                changed.add("schedule");
            }
            if (changes.quotaBytes() != null) {
                terminal.setQuotaBytes(changes.quotaBytes().orElse(null));
                changed.add("quotaBytes");
            }
        });
        boolean enabling = Boolean.TRUE.equals(changes.enabled()) && !terminal.isEnabled();
        boolean disabling = Boolean.FALSE.equals(changes.enabled()) && terminal.isEnabled();
        if (enabling || disabling) {
            terminal.setEnabled(enabling);
        }
        if (disabling) {
            withdrawn.fire(new TerminalWithdrawn(terminalId, "terminal disabled"));
        }
        terminals.flush();
        if (!changed.isEmpty()) {
            audit("terminal-updated", actor, terminalId, String.join(", ", changed));
            LOG.info(() -> "terminal " + terminalId + " updated by " + actor + ": " + String.join(", ", changed));
        }
        if (enabling || disabling) {
            String code = enabling ? "terminal-enabled" : "terminal-disabled";
            audit(code, actor, terminalId, null);
            LOG.info(() -> "terminal " + terminalId + " " + (enabling ? "enabled" : "disabled") + " by " + actor);
        }
        return terminal;
    }

    /**
     * Gives the terminal a fresh secret; the old one stops working as this transaction commits.
     *
     * @return the new secret, base64url, shown this once
     */
    public String rotateSecret(String terminalId, String actor) {
        Terminal terminal = find(terminalId);
        IssuedSecret secret = cipher.issueSecret();
        terminal.setSecretCiphertext(secret.ciphertext());
        terminals.flush();
        audit("secret-rotated", actor, terminalId, null);
        LOG.info(() -> "terminal " + terminalId + " secret rotated by " + actor);
        return secret.forTerminal();
    }

    /**
     * Removes the terminal for good, ending its calls through {@link TerminalWithdrawn}; its history stays
     * and its id is never handed out again.
     */
    public void remove(String terminalId, String actor) {
        Terminal terminal = find(terminalId);
        terminal.remove(Instant.now());
        withdrawn.fire(new TerminalWithdrawn(terminalId, "terminal removed"));
        terminals.flush();
        audit("terminal-removed", actor, terminalId, null);
        LOG.info(() -> "terminal " + terminalId + " removed by " + actor);
    }

    private void audit(String code, String actor, String terminalId, String detail) {
        auditLog.record(AuditKind.ADMINISTRATION, code, actor, terminalId, null, detail);
    }

    private static ProblemException taken(String terminalId) {
        return new ProblemException(ProblemType.CONFLICT, "The terminal id " + terminalId + " is already taken.");
    }
}

package org.replycast.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;

/**
 * The authentication server: tells which terminal sent a signed request, or refuses it with the code of the
 * terminal protocol (section 2). The web module's request filter calls it for every terminal API request.
 */
@Stateless
// Reads only, and its caches are not transactional: no transaction of its own to begin and commit.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuthenticationService {

    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());

    @Inject
    AuditLog auditLog;

    @Inject
    TerminalRepository terminals;

    @Inject
    SecretCipher cipher;

    @Inject
    NonceRegistry nonces;

    @Inject
    SignatureLockout lockout;

    @Inject
    @ConfigProperty(name = "replycast.auth.clock-skew-seconds", defaultValue = "30")
    long clockSkewSeconds;

    private MessageSignatureVerifier verifier;

    /** The encrypted secret of no terminal, so an unknown keyid costs the same work as a known one. */
    private String decoyCiphertext;

    @PostConstruct
    void init() {
        verifier = new MessageSignatureVerifier(Clock.systemUTC(), Duration.ofSeconds(clockSkewSeconds));
        decoyCiphertext = cipher.issueSecret().ciphertext();
    }

    /**
     * Authenticates a signed request. The checks run in an order that tells an unauthenticated client no more
     * than it needs: form, lockout, signature (the same answer for an unknown keyid and a wrong signature),
     * and only then time, nonce and whether the terminal is enabled.
     *
     * @return the id of the terminal that signed the request
     * @throws ProblemException {@code signature-missing}, {@code locked} (with Retry-After), {@code
     *     signature-invalid}, {@code clock-skew}, {@code replayed} or {@code terminal-disabled}
     */
    public String authenticate(SignedRequest request) {
        String keyId = null;
        try {
            SignatureInput signature = SignatureInput.read(request);
            keyId = signature.keyId();
            verifier.requireProtocol(request, signature);
            lockout.requireUnlocked(keyId);
            Optional<Terminal> terminal = terminals.findById(keyId);
            byte[] key = secretOf(terminal);
            try {
                verifier.verify(request, signature, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            if (terminal.isEmpty()) {
                throw MessageSignatureVerifier.invalidSignature();
            }
            lockout.reset(keyId);
            verifier.requireFresh(signature);
            if (!nonces.claim(keyId, signature.nonce(), verifier.replayWindow(signature))) {
                throw new ProblemException(
                        ProblemType.REPLAYED,
                        "This nonce was already used by this terminal; send a new nonce with every request.");
            }
            if (!terminal.get().isEnabled()) {
                throw new ProblemException(
                        ProblemType.TERMINAL_DISABLED,
                        "Terminal " + keyId + " is disabled. Ask a Replycast administrator to enable it.");
            }
            return keyId;
        } catch (ProblemException refused) {
            if (refused.type() == ProblemType.SIGNATURE_INVALID) {
                lockout.recordFailure(keyId);
            }
            recordRefusal(keyId, refused);
            throw refused;
        }
    }

    /** The terminal's secret, or for an unknown terminal a decoy that takes the same work to get. */
    private byte[] secretOf(Optional<Terminal> terminal) {
        if (terminal.isPresent()) {
            try {
                return cipher.decrypt(terminal.get().getSecretCiphertext());
            } catch (IllegalArgumentException | IllegalStateException undecryptable) {
                LOG.log(
                        Level.WARNING,
                        "terminal {0}: its secret cannot be decrypted ({1}); its requests are refused",
                        new Object[] {terminal.get().getTerminalId(), undecryptable.getMessage()});
            }
        }
        return cipher.decrypt(decoyCiphertext);
    }

    /**
     * Records a refusal: the terminal id as sent, the time and the code. For now one log line; this is the
     * place for the audit log.
     */
    private void recordRefusal(String keyId, ProblemException refusal) {
        String terminal = printable(keyId);
        LOG.info(() -> "terminal " + terminal + " refused: " + refusal.type().code());
        auditLog.record(AuditKind.AUTHENTICATION, refusal.type().code(), null, terminal, null, refusal.detail());
    }

    /** A keyid as sent, safe for a log line: visible ASCII only, at most 64 characters. */
    private static String printable(String keyId) {
        if (keyId == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        keyId.chars().limit(64).forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) c : '?'));
        return keyId.length() > 64 ? out + "…" : out.toString();
    }
}

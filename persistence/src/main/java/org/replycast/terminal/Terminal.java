package org.replycast.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.replycast.persistence.IdentifierRule;
import org.replycast.persistence.TextRule;
import org.replycast.persistence.VersionedEntity;

/**
 * A registered terminal: its identification number, a display name, its secret as ciphertext (encrypted
 * and decrypted by the authentication service, never here) and whether it is enabled.
 */
@Entity
@Table(name = "terminal")
public class Terminal extends VersionedEntity {

    @Id
    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "secret_ciphertext", nullable = false, length = 1024)
    private String secretCiphertext;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "auto_answer_seconds")
    private Integer autoAnswerSeconds;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** For JPA. */
    protected Terminal() {}

    /**
     * Registers an enabled terminal that does not answer calls on its own.
     *
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public Terminal(String terminalId, String displayName, String secretCiphertext) {
        this.terminalId = IdentifierRule.require("terminalId", terminalId);
        setDisplayName(displayName);
        setSecretCiphertext(secretCiphertext);
        this.enabled = true;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = TextRule.require("displayName", displayName, 200);
    }

    /** The terminal's secret, encrypted and base64-encoded by the authentication service. */
    public String getSecretCiphertext() {
        return secretCiphertext;
    }

    /** Replaces the secret, as when it is rotated. */
    public void setSecretCiphertext(String secretCiphertext) {
        this.secretCiphertext = TextRule.require("secretCiphertext", secretCiphertext, 1024);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Seconds after which a call to this terminal is answered on its own, or null if it never is. */
    public Integer getAutoAnswerSeconds() {
        return autoAnswerSeconds;
    }

    public void setAutoAnswerSeconds(Integer autoAnswerSeconds) {
        if (autoAnswerSeconds != null && autoAnswerSeconds < 0) {
            throw new IllegalArgumentException("autoAnswerSeconds must not be negative");
        }
        this.autoAnswerSeconds = autoAnswerSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @PrePersist
    void stampCreation() {
        createdAt = getUpdatedAt();
    }

    @Override
    public String toString() {
        return "Terminal[" + terminalId + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Terminal that && Objects.equals(terminalId, that.terminalId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(terminalId);
    }
}

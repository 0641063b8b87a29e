package org.replycast.terminal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.replycast.persistence.IdentifierRule;
import org.replycast.persistence.TextRule;
import org.replycast.persistence.VersionedEntity;

/**
 * A registered terminal: its identification number, a display name, its secret as ciphertext (encrypted
 * and decrypted by the authentication service, never here), whether it is enabled, when it may start a
 * distribution, whether it answers calls on its own, and how many bytes of stored replies it may keep. A
 * removed terminal keeps its row for the history of its calls and messages, but has no secret left and is
 * found by no lookup.
 */
@Entity
@Table(name = "terminal")
// Every signed request looks its terminal up; the second-level cache (WildFly's Infinispan container
// "hibernate") spares the three queries, and JPA updates it when a terminal changes.
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Terminal extends VersionedEntity {

    /** What stands in the secret's column once the terminal is removed: no secret decrypts from it. */
    static final String REMOVED_SECRET = "removed";

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

    @Column(name = "quota_bytes")
    private Long quotaBytes;

    // Eager: the schedule is read on every call start, and a terminal has only a few entries.
    @ElementCollection(fetch = FetchType.EAGER)
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @CollectionTable(name = "terminal_window", joinColumns = @JoinColumn(name = "terminal_id"))
    private List<WeeklyWindow> windows = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @CollectionTable(name = "terminal_date_range", joinColumns = @JoinColumn(name = "terminal_id"))
    private List<DateRange> dateRanges = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "removed_at")
    private Instant removedAt;

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

    /**
     * How many bytes of stored reply messages the terminal may keep before its oldest are removed, or null for
     * the server's default.
     */
    public Long getQuotaBytes() {
        return quotaBytes;
    }

    public void setQuotaBytes(Long quotaBytes) {
        if (quotaBytes != null && quotaBytes <= 0) {
            throw new IllegalArgumentException("quotaBytes must be positive");
        }
        this.quotaBytes = quotaBytes;
    }

    /** When the terminal may start a distribution; {@link AccessSchedule#ALWAYS} when it has no schedule. */
    public AccessSchedule getSchedule() {
        return new AccessSchedule(windows, dateRanges);
    }

    public void setSchedule(AccessSchedule schedule) {
        AccessSchedule given = schedule == null ? AccessSchedule.ALWAYS : schedule;
        windows.clear();
        windows.addAll(given.windows());
        dateRanges.clear();
        dateRanges.addAll(given.dateRanges());
    }

    /** Tells whether the schedule lets the terminal start a distribution at the moment, in the zone. */
    public boolean mayStartAt(Instant moment, ZoneId zone) {
        return getSchedule().allows(moment, zone);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * Removes the terminal for good: disabled, its schedule and secret gone, its id never handed out again.
     */
    public void remove(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("at must be given");
        }
        enabled = false;
        setSchedule(AccessSchedule.ALWAYS);
        secretCiphertext = REMOVED_SECRET;
        removedAt = at;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public Instant getRemovedAt() {
        return removedAt;
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

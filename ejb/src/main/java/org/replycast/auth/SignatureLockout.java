package org.replycast.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Locks a keyid out after {@code replycast.auth.lockout-failures} failed signatures within {@code
 * replycast.auth.lockout-seconds}, for that long; a verified signature clears its failures. The failures live
 * in the Infinispan cache {@code replycast/signature-failures} (see wildfly-config), whose entries expire.
 */
// A plain CDI bean, not an EJB: it is called on every signed request and needs no transaction.
@ApplicationScoped
public class SignatureLockout {

    @Resource(lookup = "java:jboss/infinispan/cache/replycast/signature-failures")
    Cache<String, SignatureFailures> failures;

    @Inject
    @ConfigProperty(name = "replycast.auth.lockout-failures", defaultValue = "5")
    int limit;

    @Inject
    @ConfigProperty(name = "replycast.auth.lockout-seconds", defaultValue = "300")
    long lockoutSeconds;

    /**
     * @throws ProblemException {@code locked}, with the seconds until the lock ends, while the keyid is locked
     */
    public void requireUnlocked(String keyId) {
        SignatureFailures recorded = failures.get(keyId);
        Instant now = Instant.now();
        if (recorded != null && recorded.isLocked(now)) {
            long seconds = recorded.secondsLeft(now);
            throw new ProblemException(
                    ProblemType.LOCKED,
                    "Too many failed signatures for this terminal id; it is locked for " + seconds + " s more.",
                    seconds);
        }
    }

    /**
     * Counts a failed signature. Atomic (a compute on the entry's key), so simultaneous failures are all
     * counted; the entry lives as long as the window and the lock that it may start.
     */
    public void recordFailure(String keyId) {
        Instant now = Instant.now();
        Duration window = Duration.ofSeconds(lockoutSeconds);
        failures.compute(
                keyId,
                (id, recorded) -> (recorded == null ? SignatureFailures.NONE : recorded).after(now, limit, window),
                window.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Clears a keyid's failures after a verified signature. */
    public void reset(String keyId) {
        if (failures.containsKey(keyId)) {
            failures.remove(keyId);
        }
    }
}

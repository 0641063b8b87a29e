package org.replycast.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The nonces that terminals have used, each remembered only as long as its signature would still pass the
 * time check. They live in the Infinispan cache {@code replycast/nonces} (see wildfly-config), whose entries
 * expire, never in this bean.
 */
// A plain CDI bean, not an EJB: it is called on every signed request and needs no transaction.
@ApplicationScoped
public class NonceRegistry {

    @Resource(lookup = "java:jboss/infinispan/cache/replycast/nonces")
    Cache<String, Boolean> nonces;

    /**
     * Claims a terminal's nonce. A single atomic put-if-absent, so of two requests with the same nonce, even
     * at the same moment, exactly one gets true.
     *
     * @param remember how long the nonce must be refused again
     * @return true the first time, false for a replay
     */
    public boolean claim(String terminalId, String nonce, Duration remember) {
        // A terminal id has no space, so the key cannot be confused with another terminal's nonce.
        return nonces.putIfAbsent(terminalId + " " + nonce, Boolean.TRUE, remember.toMillis(), TimeUnit.MILLISECONDS)
                == null;
    }
}

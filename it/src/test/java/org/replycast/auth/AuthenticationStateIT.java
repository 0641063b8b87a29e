package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;
import org.replycast.testing.ReplycastEar;

/**
 * Runs inside the server: the nonce and lockout state in the real Infinispan caches holds up when many
 * threads hit the same entry at once, and forgets what it no longer needs.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationStateIT {

    private static final int THREADS = 16;

    @Deployment
    static EnterpriseArchive replycast() {
        return ReplycastEar.withTestClasses(AuthenticationStateIT.class);
    }

    @Inject
    NonceRegistry nonces;

    @Inject
    SignatureLockout lockout;

    /** Runs the task on every thread at once, released together by a barrier, and returns the results. */
    private static <T> List<T> allAtOnce(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier barrier = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofManySimultaneousClaimsOfOneNonceExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String nonce = UUID.randomUUID().toString();

            List<Boolean> claims = allAtOnce(THREADS, () -> nonces.claim("T-race", nonce, Duration.ofSeconds(60)));

            assertEquals(1, claims.stream().filter(Boolean::booleanValue).count(), "round " + round);
        }
    }

    @Test
    void aNonceIsPerTerminal() {
        String nonce = UUID.randomUUID().toString();

        assertTrue(nonces.claim("T-a", nonce, Duration.ofSeconds(60)));
        assertTrue(nonces.claim("T-b", nonce, Duration.ofSeconds(60)));
        assertFalse(nonces.claim("T-a", nonce, Duration.ofSeconds(60)));
    }

    @Test
    void aNonceIsForgottenWhenItsWindowHasPassed() throws Exception {
        String nonce = UUID.randomUUID().toString();
        assertTrue(nonces.claim("T-expiry", nonce, Duration.ofMillis(500)));
        assertFalse(nonces.claim("T-expiry", nonce, Duration.ofMillis(500)));

        Instant deadline = Instant.now().plusSeconds(10);
        while (!nonces.claim("T-expiry", nonce, Duration.ofMillis(500))) {
            assertTrue(Instant.now().isBefore(deadline), "the nonce was not forgotten within 10 s");
            Thread.sleep(100);
        }
    }

    @Test
    void simultaneousFailuresAreAllCounted() throws Exception {
        for (int round = 0; round < 10; round++) {
            String keyId = "T-" + UUID.randomUUID();

            allAtOnce(5, () -> {
                lockout.recordFailure(keyId);
                return null;
            });

            ProblemException locked = assertThrows(ProblemException.class, () -> lockout.requireUnlocked(keyId));
            assertEquals(ProblemType.LOCKED, locked.type());
            assertTrue(locked.retryAfterSeconds().orElseThrow() > 0);
        }
    }
}

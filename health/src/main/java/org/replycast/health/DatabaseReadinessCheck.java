package org.replycast.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers a query on the migrated schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @PersistenceContext(unitName = "replycast")
    EntityManager entityManager;

    @Override
    public HealthCheckResponse call() {
        try {
            Number channels = (Number)
                    entityManager.createQuery("select count(c) from Channel c").getSingleResult();
            return HealthCheckResponse.named("database")
                    .up()
                    .withData("channels", channels.longValue())
                    .build();
        } catch (RuntimeException unavailable) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", unavailable.getClass().getSimpleName())
                    .build();
        }
    }
}

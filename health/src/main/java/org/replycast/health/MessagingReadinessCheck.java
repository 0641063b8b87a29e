package org.replycast.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the embedded broker opens a session and browses the uplink queue. */
@Readiness
@ApplicationScoped
public class MessagingReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/UplinkSegments")
    Queue uplinkSegments;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(uplinkSegments)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("messaging").up().build();
        } catch (JMSRuntimeException | JMSException unavailable) {
            return HealthCheckResponse.named("messaging")
                    .down()
                    .withData("error", unavailable.getClass().getSimpleName())
                    .build();
        }
    }
}

package org.replycast.display;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one webhook attempt: {@code POST} of the delivery's JSON with the headers {@value
 * WebhookSignature#HEADER}, {@code Replycast-Event} and {@code Replycast-Delivery} (the same on every attempt,
 * for receivers to drop repeats). Redirects are not followed: a forwarding URL names its receiver exactly.
 */
@ApplicationScoped
public class WebhookClient {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Sends and waits for the answer, at most {@code timeout}; never throws for what the receiver does. */
    public DeliveryOutcome send(DueDelivery delivery, Duration timeout) {
        if (delivery.secret() == null) {
            return new DeliveryOutcome(
                    false, "the channel has no forwarding secret (issue one) or was removed; not sent");
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Replycast-Webhook/1")
                .header("Replycast-Event", delivery.event().wireName())
                .header("Replycast-Delivery", delivery.deliveryId())
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.header(delivery.secret(), Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new DeliveryOutcome(status >= 200 && status < 300, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new DeliveryOutcome(false, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            // The exception's message may repeat the URL, which may carry credentials: only its kind is kept.
            return new DeliveryOutcome(
                    false, "connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome(false, "interrupted");
        }
    }
}

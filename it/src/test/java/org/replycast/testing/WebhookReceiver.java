package org.replycast.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outside system that receives Replycast's webhooks: a plain HTTP server on a free local port that checks
 * each request's {@code Replycast-Signature} itself, as a receiver following the README would, answers 503 to
 * the first attempts of each delivery (so that retries show), and keeps every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with whether its signature verified with the secret and what it was answered. */
    public record Request(
            Instant at,
            String event,
            String deliveryId,
            String signature,
            boolean verified,
            JsonObject body,
            int answered) {

        public String messageId() {
            return body.getJsonObject("message").getString("messageId");
        }
    }

    private final HttpServer server;
    private final int failFirst;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> attemptsByDelivery = new ConcurrentHashMap<>();
    private volatile String secret;

    /** A receiver that answers 503 to the first {@code failFirst} attempts of each delivery, then 204. */
    public WebhookReceiver(int failFirst) throws IOException {
        this.failFirst = failFirst;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", this::receive);
        server.start();
    }

    /** The URL to give a channel as its forwarding URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The channel's forwarding secret, from its creation. */
    public void trust(String secret) {
        this.secret = secret;
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String deliveryId = exchange.getRequestHeaders().getFirst("Replycast-Delivery");
        String signature = exchange.getRequestHeaders().getFirst("Replycast-Signature");
        int attempt = attemptsByDelivery.merge(String.valueOf(deliveryId), 1, Integer::sum);
        int status = attempt <= failFirst ? 503 : 204;
        JsonObject json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        }
        synchronized (requests) {
            requests.add(new Request(
                    Instant.now(),
                    exchange.getRequestHeaders().getFirst("Replycast-Event"),
                    deliveryId,
                    signature,
                    verifies(signature, body),
                    json,
                    status));
            requests.notifyAll();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The check of the README: t=<unix>,v1=<hex of HMAC-SHA256(secret, t + "." + body)>, within 5 minutes. */
    private boolean verifies(String header, byte[] body) {
        if (header == null || secret == null) {
            return false;
        }
        Map<String, String> parts = new ConcurrentHashMap<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0].strip(), pair[1].strip());
            }
        }
        try {
            long t = Long.parseLong(parts.getOrDefault("t", ""));
            if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.getOrDefault("v1", "")));
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        }
    }

    /** Waits until the requests that match number at least {@code count}, and returns those. */
    public List<Request> await(Predicate<Request> wanted, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (requests) {
            while (true) {
                List<Request> matching = requests.stream().filter(wanted).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError(
                            "not " + count + " matching webhook requests within " + timeout + "; got " + requests);
                }
                requests.wait(left);
            }
        }
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

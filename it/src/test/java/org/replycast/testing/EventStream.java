package org.replycast.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events stream read line by line on a thread of its own: a terminal's {@code GET
 * /api/v1/events}, opened with a signed request as a terminal listens for its calls, or another stream such
 * as a display's. Every event is kept, so a test can wait for one with a deadline and later check everything
 * that was heard.
 */
public final class EventStream implements AutoCloseable {

    private static final String PATH = "api/v1/events";
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    /** One event: its name, its id (or null) and its data, the call's JSON for a {@code call} event. */
    public record Event(String name, String id, String data) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<Event> arriving = new LinkedBlockingQueue<>();
    private final List<Event> heard = new ArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private EventStream(URI uri, String name, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response;
        try {
            // The server sends a comment at once, so the head arrives as soon as the stream is registered.
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not open the event stream of " + name, e);
        }
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                answer = e.toString();
            }
            throw new IllegalStateException("event stream refused: " + response.statusCode() + " " + answer);
        }
        body = response.body();
        reader = new Thread(this::read, "events-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the terminal's stream and returns once the server has answered with the stream's head. */
    public static EventStream open(ApiClient api, TerminalSigner terminal) {
        URI uri = api.uri(PATH);
        return new EventStream(
                uri, terminal.terminalId(), terminal.sign("GET", uri, null).headers());
    }

    /** Opens another stream, with the request headers given as names and values, once the server answered. */
    public static EventStream open(URI uri, String name, String... headers) {
        return new EventStream(uri, name, headers);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        arriving.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    // A comment: the greeting or a keep-alive.
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring("data:".length());
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                }
            }
        } catch (IOException closed) {
            // The stream was closed, by the test or by the server.
        } catch (UncheckedIOException closed) {
            // Likewise.
        }
    }

    /**
     * Waits, until the deadline, for a {@code call} event about the call in the state, and returns its data;
     * fails when none arrives in time.
     */
    public JsonObject awaitCall(String callId, String state, Duration timeout) {
        return await(
                        event -> "call".equals(event.name())
                                && callId.equals(event.json().getString("callId"))
                                && state.equals(event.json().getString("state")),
                        timeout,
                        "a call event with call " + callId + " " + state)
                .json();
    }

    /** Waits, until the deadline, for an event that matches; fails when none arrives in time. */
    public Event await(Predicate<Event> wanted, Duration timeout, String what) {
        synchronized (heard) {
            for (Event event : heard) {
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                Event event = arriving.poll(
                        Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                if (event == null) {
                    break;
                }
                synchronized (heard) {
                    heard.add(event);
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; heard " + heard());
    }

    /** Every event heard so far, in order of arrival. */
    public List<Event> heard() {
        synchronized (heard) {
            arriving.drainTo(heard);
            return List.copyOf(heard);
        }
    }

    /** The {@code call} events heard so far about the call. */
    public List<JsonObject> heardAbout(String callId) {
        return heard().stream()
                .filter(event -> "call".equals(event.name()))
                .map(Event::json)
                .filter(call -> callId.equals(call.getString("callId")))
                .toList();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
        reader.interrupt();
    }
}

package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.replycast.testing.ProblemAssertions.assertInvalidNaming;
import static org.replycast.testing.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.EventStream;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * Calls as terminals make them (PROTOCOL.md, section 3), over real HTTP with signed requests against the real
 * EAR: what each party sees in its answers and in its event stream, the server's own timers, admission
 * control, and every refusal with its code and without side effects. The ring timeout is 8 seconds here
 * (arquillian.xml).
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class SignedCallsIT {

    private static final String CALLS = "api/v1/calls";
    private static final String ADMIN_CALLS = "api/v1/admin/calls";
    private static final String TIME_ZONE = "Europe/Paris";
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(8);
    // Far above every timer of these tests, with room for a busy machine.
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern PLAYBACK_URL = Pattern.compile("/live/([A-Za-z0-9_-]+)/index\\.m3u8");
    private static final Pattern UPLINK_URL = Pattern.compile("/gateway/([A-Za-z0-9_-]+)");
    private static final List<String> STATES =
            List.of("REQUESTED", "RINGING", "CONNECTED", "DECLINED", "MISSED", "RELEASED");

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    // --- a call to itself ---------------------------------------------------------------------------------

    @Test
    void aCallToItselfIsConnectedAtOnceWithItsOwnUrlsWhichGoWhenItIsReleased() {
        String channel = channel("");
        TerminalSigner terminal = TestTerminals.register(api);

        HttpResponse<String> created = start(terminal, channel, null);

        assertEquals(201, created.statusCode(), created.body());
        JsonObject call = ApiClient.object(created);
        String callId = call.getString("callId");
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertEquals(api.uri(CALLS + "/" + callId).getRawPath(), location.getRawPath());
        assertEquals("CONNECTED", call.getString("state"));
        assertEquals(channel, call.getString("channelId"));
        assertEquals(terminal.terminalId(), call.getString("requesterTerminalId"));
        assertEquals(terminal.terminalId(), call.getString("destinationTerminalId"));
        assertFalse(call.isNull("createdAt"));
        assertFalse(call.isNull("connectedAt"));
        assertTrue(call.isNull("endedAt"), call.toString());
        assertTrue(call.isNull("reason"), call.toString());
        String playbackToken = token(PLAYBACK_URL, call.getString("playbackUrl"));
        String uplinkToken = token(UPLINK_URL, call.getString("uplinkUrl"));
        assertNotEquals(playbackToken, uplinkToken);

        assertEquals(
                call,
                ApiClient.object(signed(terminal, "GET", location.getRawPath().substring(1), null)));

        HttpResponse<String> released = signed(terminal, "DELETE", CALLS + "/" + callId, null);

        assertEquals(200, released.statusCode(), released.body());
        JsonObject ended = ApiClient.object(released);
        assertEquals("RELEASED", ended.getString("state"));
        assertFalse(ended.isNull("endedAt"));
        assertTrue(ended.getString("reason").contains(terminal.terminalId()), ended.toString());
        assertNoUrls(ended);
        JsonObject afterwards = show(terminal, callId);
        assertEquals(ended, afterwards);
        assertNoUrls(afterwards);
        assertEquals(List.of(), ids(list(terminal, "CONNECTED")));
        assertEquals(List.of(callId), ids(list(terminal, "RELEASED")));
    }

    @Test
    void theCallersOwnIdAsDestinationIsACallToItself() {
        String channel = channel("");
        TerminalSigner terminal = TestTerminals.register(api);

        JsonObject call = created(start(terminal, channel, terminal.terminalId()));

        assertEquals("CONNECTED", call.getString("state"));
        assertEquals(terminal.terminalId(), call.getString("destinationTerminalId"));
        token(PLAYBACK_URL, call.getString("playbackUrl"));
    }

    // --- a call to another terminal -----------------------------------------------------------------------

    @Test
    void aCallToAnotherTerminalRingsThereOnlyAndConnectsWhenTheDestinationAnswers() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        TerminalSigner bystander = TestTerminals.register(api);
        try (EventStream destinationEvents = EventStream.open(api, destination);
                EventStream bystanderEvents = EventStream.open(api, bystander)) {

            JsonObject ringing = created(start(requester, channel, destination.terminalId()));

            String callId = ringing.getString("callId");
            assertEquals("RINGING", ringing.getString("state"));
            assertEquals(destination.terminalId(), ringing.getString("destinationTerminalId"));
            assertTrue(ringing.isNull("connectedAt"));
            assertNoUrls(ringing);
            JsonObject announced = destinationEvents.awaitCall(callId, "RINGING", DEADLINE);
            assertEquals(requester.terminalId(), announced.getString("requesterTerminalId"));
            assertEquals(channel, announced.getString("channelId"));
            assertNoUrls(announced);
            assertEquals(List.of(callId), ids(list(destination, "RINGING")));

            assertProblem(signed(requester, "POST", CALLS + "/" + callId + "/answer", null), 409, "conflict");
            assertEquals("RINGING", show(requester, callId).getString("state"));

            HttpResponse<String> answer = signed(destination, "POST", CALLS + "/" + callId + "/answer", null);

            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject connected = ApiClient.object(answer);
            assertEquals("CONNECTED", connected.getString("state"));
            assertFalse(connected.isNull("connectedAt"));
            assertNotEquals(
                    token(PLAYBACK_URL, connected.getString("playbackUrl")),
                    token(UPLINK_URL, connected.getString("uplinkUrl")));
            JsonObject heard = destinationEvents.awaitCall(callId, "CONNECTED", DEADLINE);
            assertEquals(connected.getString("playbackUrl"), heard.getString("playbackUrl"));
            assertEquals(connected.getString("uplinkUrl"), heard.getString("uplinkUrl"));
            assertEquals(connected, show(destination, callId));
            JsonObject requesterView = show(requester, callId);
            assertEquals("CONNECTED", requesterView.getString("state"));
            assertNoUrls(requesterView);
            assertEquals(List.of(), ids(list(destination, "RINGING")));

            // The bystander's own call is a mark in its stream: by the time it is heard, the call between
            // the others has been announced long since, and the bystander must have heard nothing of it.
            String mark = created(start(bystander, channel, null)).getString("callId");
            bystanderEvents.awaitCall(mark, "CONNECTED", DEADLINE);
            assertEquals(List.of(), bystanderEvents.heardAbout(callId));
        }
    }

    @Test
    void theDestinationDeclinesAndOnlyTheDestinationMay() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        String callId =
                created(start(requester, channel, destination.terminalId())).getString("callId");

        assertProblem(signed(requester, "POST", CALLS + "/" + callId + "/decline", null), 409, "conflict");
        assertEquals("RINGING", show(destination, callId).getString("state"));

        HttpResponse<String> declined = signed(destination, "POST", CALLS + "/" + callId + "/decline", null);

        assertEquals(200, declined.statusCode(), declined.body());
        assertEquals("DECLINED", ApiClient.object(declined).getString("state"));
        JsonObject requesterView = show(requester, callId);
        assertEquals("DECLINED", requesterView.getString("state"));
        assertFalse(requesterView.isNull("endedAt"));
        assertEquals(List.of(), ids(list(destination, "RINGING")));
        assertProblem(signed(destination, "POST", CALLS + "/" + callId + "/answer", null), 409, "conflict");
        assertEquals(requesterView, show(requester, callId));
    }

    @Test
    void aTerminalThatIsNoPartyFindsNoCallAndChangesNothing() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        TerminalSigner stranger = TestTerminals.register(api);
        String callId =
                created(start(requester, channel, destination.terminalId())).getString("callId");
        JsonObject before = show(requester, callId);
        String unknown = CALLS + "/" + UUID.randomUUID();

        for (String[] request : List.of(
                new String[] {"GET", ""},
                new String[] {"POST", "/answer"},
                new String[] {"POST", "/decline"},
                new String[] {"DELETE", ""})) {
            HttpResponse<String> refused = signed(stranger, request[0], CALLS + "/" + callId + request[1], null);
            HttpResponse<String> noSuchCall = signed(stranger, request[0], unknown + request[1], null);

            assertProblem(refused, 404, "not-found");
            assertEquals(
                    ApiClient.object(noSuchCall).getString("detail"),
                    ApiClient.object(refused).getString("detail"),
                    "the same answer as for a call that does not exist");
        }

        assertEquals(before, show(requester, callId));
        assertEquals(List.of(), ids(list(stranger, null)));
        JsonObject answered = ApiClient.object(signed(destination, "POST", CALLS + "/" + callId + "/answer", null));
        assertEquals("CONNECTED", answered.getString("state"));
    }

    // --- the server's timers ------------------------------------------------------------------------------

    @Test
    void aCallNobodyAnswersIsMissedAfterTheRingTimeout() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        try (EventStream destinationEvents = EventStream.open(api, destination)) {
            String callId =
                    created(start(requester, channel, destination.terminalId())).getString("callId");

            JsonObject missed = awaitStateOtherThan("RINGING", requester, callId);

            assertEquals("MISSED", missed.getString("state"), missed.toString());
            assertNotBefore(RING_TIMEOUT, missed.getString("createdAt"), missed.getString("endedAt"));
            destinationEvents.awaitCall(callId, "MISSED", DEADLINE);
            assertEquals(List.of(), ids(list(destination, "RINGING")));
        }
    }

    @Test
    void aDestinationWithAutoAnswerAnswersOnItsOwn() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api, "\"autoAnswerSeconds\": 2");
        try (EventStream destinationEvents = EventStream.open(api, destination)) {
            JsonObject ringing = created(start(requester, channel, destination.terminalId()));
            String callId = ringing.getString("callId");
            assertEquals("RINGING", ringing.getString("state"));

            JsonObject connected = destinationEvents.awaitCall(callId, "CONNECTED", DEADLINE);

            token(PLAYBACK_URL, connected.getString("playbackUrl"));
            token(UPLINK_URL, connected.getString("uplinkUrl"));
            assertNotBefore(
                    Duration.ofSeconds(2), connected.getString("createdAt"), connected.getString("connectedAt"));
            assertEquals("CONNECTED", show(requester, callId).getString("state"));
        }
    }

    @Test
    void aCallIsReleasedAtTheChannelsMaximumCallLength() {
        String channel = channel("\"maxCallSeconds\": 3");
        TerminalSigner terminal = TestTerminals.register(api);
        try (EventStream events = EventStream.open(api, terminal)) {
            String callId = created(start(terminal, channel, null)).getString("callId");

            JsonObject released = events.awaitCall(callId, "RELEASED", DEADLINE);

            assertEquals("maximum call length reached", released.getString("reason"));
            assertNotBefore(Duration.ofSeconds(3), released.getString("connectedAt"), released.getString("endedAt"));
            assertNoUrls(released);
            assertEquals(released, show(terminal, callId));
        }
    }

    // --- admission control --------------------------------------------------------------------------------

    @Test
    void ofAHundredSimultaneousCallsAChannelAdmitsExactlyItsMaximumAndAsksTheOthersToRetry() throws Exception {
        String channel = channel("\"maxConnectedCalls\": 10");
        int callers = 100;
        ExecutorService registrations = Executors.newFixedThreadPool(8);
        List<TerminalSigner> terminals = new ArrayList<>();
        try {
            List<Future<TerminalSigner>> registered = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                registered.add(registrations.submit(() -> TestTerminals.register(api)));
            }
            for (Future<TerminalSigner> terminal : registered) {
                terminals.add(terminal.get());
            }
        } finally {
            registrations.shutdownNow();
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (TerminalSigner terminal : terminals) {
                responses.add(pool.submit(() -> {
                    go.await();
                    return start(terminal, channel, null);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                answers.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<HttpResponse<String>> admitted =
                answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(10, admitted.size(), "admitted: " + admitted.size());
        Set<String> admittedIds = admitted.stream()
                .map(ApiClient::object)
                .peek(call -> assertEquals("CONNECTED", call.getString("state")))
                .map(call -> call.getString("callId"))
                .collect(Collectors.toSet());
        for (HttpResponse<String> refused : answers) {
            if (refused.statusCode() != 201) {
                assertProblem(refused, 503, "capacity");
                String retryAfter = refused.headers().firstValue("Retry-After").orElse("");
                assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After in seconds: '" + retryAfter + "'");
            }
        }
        assertEquals(admittedIds, Set.copyOf(ids(admin("GET", ADMIN_CALLS + "?state=CONNECTED&channelId=" + channel))));
        assertEquals(List.of(), ids(admin("GET", ADMIN_CALLS + "?state=RINGING&channelId=" + channel)));
    }

    // --- refusals -----------------------------------------------------------------------------------------

    @Test
    void anUnknownChannelOrDestinationIsNotFoundAndStartsNothing() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);

        assertProblem(start(requester, "no-such-hall-" + UUID.randomUUID(), null), 404, "not-found");
        assertProblem(start(requester, channel, "T-nobody-" + UUID.randomUUID()), 404, "not-found");

        assertEquals(List.of(), ids(list(requester, null)));
        assertEquals(List.of(), callsOnChannel(channel));
    }

    @Test
    void aDisabledDestinationIsUnavailableAndIsNotCalled() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        TestTerminals.setEnabled(api, destination.terminalId(), false);

        assertProblem(start(requester, channel, destination.terminalId()), 409, "destination-unavailable");

        assertEquals(List.of(), callsOnChannel(channel));
    }

    @Test
    void aRequesterOutsideItsScheduleIsRefusedAndStartsNothing() {
        String channel = channel("");
        LocalDate today = LocalDate.now(ZoneId.of(TIME_ZONE));
        DayOfWeek anotherDay = today.getDayOfWeek().plus(3);
        TerminalSigner pastStay = TestTerminals.register(
                api,
                "\"schedule\": {\"dateRanges\": [{\"from\": \"" + today.minusDays(30) + "\", \"to\": \""
                        + today.minusDays(2) + "\"}]}");
        TerminalSigner anotherWeekday = TestTerminals.register(
                api,
                "\"schedule\": {\"windows\": [{\"day\": \"" + anotherDay
                        + "\", \"start\": \"00:00\", \"end\": \"00:00\"}]}");
        TerminalSigner destination = TestTerminals.register(api);

        assertProblem(start(pastStay, channel, null), 403, "outside-schedule");
        assertProblem(start(anotherWeekday, channel, destination.terminalId()), 403, "outside-schedule");

        assertEquals(List.of(), callsOnChannel(channel));
        assertEquals(List.of(), ids(list(destination, null)));
    }

    @Test
    void aDisabledRequesterIsForbiddenAndStartsNothing() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TestTerminals.setEnabled(api, requester.terminalId(), false);

        assertProblem(start(requester, channel, null), 403, "terminal-disabled");

        assertEquals(List.of(), callsOnChannel(channel));
    }

    @Test
    void aBodyThatIsNoCallRequestIsInvalidAndStartsNothing() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);

        assertProblem(signed(requester, "POST", CALLS, "channelId=" + channel), 400, "invalid");
        assertInvalidNaming(
                "colour",
                signed(requester, "POST", CALLS, "{\"channelId\": \"" + channel + "\", \"colour\": \"red\"}"));
        assertProblem(signed(requester, "POST", CALLS, "[{\"channelId\": \"" + channel + "\"}]"), 400, "invalid");
        assertInvalidNaming("channelId", signed(requester, "POST", CALLS, "{}"));

        assertEquals(List.of(), callsOnChannel(channel));
    }

    @Test
    void anIdWithPathCharactersIsRefusedAndTouchesNoCall() {
        String channel = channel("");
        TerminalSigner terminal = TestTerminals.register(api);
        JsonObject call = created(start(terminal, channel, null));

        for (String id : List.of("..%2F..", "%2e%2e", "..%2F..%2Fadmin%2Fcalls", "%2e%2e%2f%2e%2e", "..;")) {
            for (String[] request : List.of(
                    new String[] {"GET", ""},
                    new String[] {"DELETE", ""},
                    new String[] {"POST", "/answer"},
                    new String[] {"POST", "/decline"})) {
                String method = request[0];
                String path = CALLS + "/" + id + request[1];
                HttpResponse<String> refused = signed(terminal, method, path, null);

                assertTrue(
                        refused.statusCode() == 400 || refused.statusCode() == 404,
                        method + " " + path + ": " + refused.statusCode() + " " + refused.body());
                assertProblem(refused, refused.statusCode(), refused.statusCode() == 400 ? "invalid" : "not-found");
            }
        }

        assertEquals(call, show(terminal, call.getString("callId")));
        assertEquals(List.of(call.getString("callId")), ids(list(terminal, null)));
    }

    @Test
    void releasingAReleasedCallIsAConflictThatChangesNothing() {
        String channel = channel("");
        TerminalSigner terminal = TestTerminals.register(api);
        String callId = created(start(terminal, channel, null)).getString("callId");
        JsonObject released = ApiClient.object(signed(terminal, "DELETE", CALLS + "/" + callId, null));
        assertEquals("RELEASED", released.getString("state"));

        assertProblem(signed(terminal, "DELETE", CALLS + "/" + callId, null), 409, "conflict");
        assertProblem(admin("DELETE", ADMIN_CALLS + "/" + callId), 409, "conflict");

        assertEquals(released, show(terminal, callId));
    }

    // --- secrets, audit, administrators -------------------------------------------------------------------

    @Test
    void afterRotationOnlyTheNewSecretSigns() {
        TerminalSigner terminal = TestTerminals.register(api);

        HttpResponse<String> rotated = admin("POST", "api/v1/admin/terminals/" + terminal.terminalId() + "/secret");

        assertEquals(200, rotated.statusCode(), rotated.body());
        TerminalSigner renewed = new TerminalSigner(
                terminal.terminalId(), ApiClient.object(rotated).getString("secret"));
        assertNotEquals(terminal.secret(), renewed.secret());
        assertProblem(signed(terminal, "GET", CALLS, null), 401, "signature-invalid");
        assertEquals(200, signed(renewed, "GET", CALLS, null).statusCode());
    }

    @Test
    void aSignatureRefusalAndACallStartAreInTheTerminalsAuditTrail() {
        String channel = channel("");
        TerminalSigner terminal = TestTerminals.register(api);
        TerminalSigner impostor = new TerminalSigner(
                terminal.terminalId(), TestTerminals.register(api).secret());

        assertProblem(start(impostor, channel, null), 401, "signature-invalid");
        String callId = created(start(terminal, channel, null)).getString("callId");

        List<JsonObject> trail = audit(terminal.terminalId());
        assertTrue(
                trail.stream()
                        .anyMatch(entry -> "AUTHENTICATION".equals(entry.getString("kind"))
                                && "signature-invalid".equals(entry.getString("code"))),
                trail.toString());
        assertTrue(
                trail.stream()
                        .anyMatch(entry -> "CALL".equals(entry.getString("kind"))
                                && "CONNECTED".equals(entry.getString("code"))
                                && callId.equals(entry.getString("callId", null))),
                trail.toString());
    }

    @Test
    void anAdministratorEndsACallAndTheDestinationHearsOfIt() {
        String channel = channel("");
        TerminalSigner requester = TestTerminals.register(api);
        TerminalSigner destination = TestTerminals.register(api);
        try (EventStream destinationEvents = EventStream.open(api, destination)) {
            String callId =
                    created(start(requester, channel, destination.terminalId())).getString("callId");
            ApiClient.object(signed(destination, "POST", CALLS + "/" + callId + "/answer", null));

            HttpResponse<String> ended = admin("DELETE", ADMIN_CALLS + "/" + callId);

            assertEquals(200, ended.statusCode(), ended.body());
            assertEquals("RELEASED", ApiClient.object(ended).getString("state"));
            JsonObject heard = destinationEvents.awaitCall(callId, "RELEASED", DEADLINE);
            assertEquals("ended by an administrator", heard.getString("reason"));
            assertNoUrls(heard);
            assertEquals("RELEASED", show(requester, callId).getString("state"));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private HttpResponse<String> signed(TerminalSigner terminal, String method, String path, String body) {
        return api.signed(terminal, method, path, body);
    }

    private HttpResponse<String> start(TerminalSigner requester, String channelId, String destinationTerminalId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("channelId", channelId);
        if (destinationTerminalId != null) {
            body.add("destinationTerminalId", destinationTerminalId);
        }
        return signed(requester, "POST", CALLS, body.build().toString());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private JsonObject show(TerminalSigner terminal, String callId) {
        HttpResponse<String> response = signed(terminal, "GET", CALLS + "/" + callId, null);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.object(response);
    }

    private HttpResponse<String> list(TerminalSigner terminal, String state) {
        return signed(terminal, "GET", state == null ? CALLS : CALLS + "?state=" + state, null);
    }

    private static List<String> ids(HttpResponse<String> calls) {
        assertEquals(200, calls.statusCode(), calls.body());
        return ApiClient.json(calls).asJsonArray().stream()
                .map(call -> call.asJsonObject().getString("callId"))
                .toList();
    }

    /** Every call of the channel, in any state, as an administrator lists them. */
    private List<String> callsOnChannel(String channelId) {
        List<String> all = new ArrayList<>();
        for (String state : STATES) {
            all.addAll(ids(admin("GET", ADMIN_CALLS + "?state=" + state + "&channelId=" + channelId)));
        }
        return all;
    }

    private List<JsonObject> audit(String terminalId) {
        HttpResponse<String> page = admin("GET", "api/v1/admin/audit?limit=200&terminalId=" + terminalId);
        assertEquals(200, page.statusCode(), page.body());
        return ApiClient.object(page).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    /** A new channel with the given settings besides its id, name and time zone (JSON members, no braces). */
    private String channel(String settings) {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.postJson(
                "api/v1/admin/channels",
                "{\"captureEnabled\":false,\"channelId\":\"" + channelId + "\",\"name\":\"Test hall\",\"timeZone\":\""
                        + TIME_ZONE + "\"" + (settings.isBlank() ? "" : "," + settings) + "}",
                KeycloakServer.adminAuthorization());
        assertEquals(201, created.statusCode(), created.body());
        return channelId;
    }

    private HttpResponse<String> admin(String method, String path) {
        return api.send(method, path, null, null, KeycloakServer.adminAuthorization());
    }

    /** Polls the call, as the terminal sees it, until it has left the state; fails at the deadline. */
    private JsonObject awaitStateOtherThan(String state, TerminalSigner terminal, String callId) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            JsonObject call = show(terminal, callId);
            if (!state.equals(call.getString("state"))) {
                return call;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("call " + callId + " still " + state + " after " + DEADLINE);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The token in the URL: base64url of at least 128 bits (22 characters or more). */
    private static String token(Pattern url, String value) {
        Matcher matcher = url.matcher(value);
        assertTrue(matcher.matches(), value + " should match " + url);
        String token = matcher.group(1);
        assertTrue(token.length() >= 22, "at least 128 bits: " + token);
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 16, "at least 128 bits: " + token);
        return token;
    }

    private static void assertNoUrls(JsonObject call) {
        assertFalse(call.containsKey("playbackUrl"), call.toString());
        assertFalse(call.containsKey("uplinkUrl"), call.toString());
    }

    /** The second moment is at least the duration after the first (to the millisecond the server keeps). */
    private static void assertNotBefore(Duration duration, String from, String to) {
        Duration between = Duration.between(Instant.parse(from), Instant.parse(to));
        assertTrue(between.compareTo(duration.minusMillis(1)) >= 0, "only " + between + " from " + from + " to " + to);
    }
}

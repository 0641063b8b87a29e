package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.RestartableServer;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * The call timers are persistent EJB timers: a ringing call still ends MISSED, and a connected call is still
 * released at its channel's maximum length, when the server stopped and started again in between, whether
 * the timer fell due while the server was down (it fires when the server is back) or falls due afterwards
 * (it fires then, not earlier). Runs on a
 * server of its own (the container {@code restartable} of arquillian.xml, ring timeout 20 seconds), which
 * this test starts, restarts and stops, with the EAR deployed once and kept in the server's configuration
 * across the restart.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class CallTimersRestartIT {

    private static final String CONTAINER = RestartableServer.CONTAINER;
    private static final String DEPLOYMENT = "replycast-restartable";
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_CALL_SECONDS = 25;
    // Long enough to be due only after the server is back: a restored timer that still lies ahead.
    private static final int LONG_CALL_SECONDS = 90;
    // After a timer's due time, or after the server is back when that is later: time to fire and commit.
    private static final Duration GRACE = Duration.ofSeconds(30);

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void ringingAndConnectedCallsAreEndedByTheirTimersAcrossARestart() throws Exception {
        RestartableServer.clearData();
        containers.start(CONTAINER);
        boolean deployed = false;
        try {
            deployer.deploy(DEPLOYMENT);
            deployed = true;
            ApiClient api = RestartableServer.api();
            String channel = channel(api, MAX_CALL_SECONDS);
            String longChannel = channel(api, LONG_CALL_SECONDS);
            TerminalSigner requester = TestTerminals.register(api);
            TerminalSigner destination = TestTerminals.register(api);

            JsonObject ringing = start(api, requester, channel, destination.terminalId());
            JsonObject connected = start(api, requester, channel, null);
            JsonObject longCall = start(api, destination, longChannel, null);
            assertEquals("RINGING", ringing.getString("state"));
            assertEquals("CONNECTED", connected.getString("state"));
            Instant ringTimeoutDue =
                    Instant.parse(ringing.getString("createdAt")).plus(RING_TIMEOUT);
            Instant maximumLengthDue =
                    Instant.parse(connected.getString("connectedAt")).plusSeconds(MAX_CALL_SECONDS);
            Instant longCallDue =
                    Instant.parse(longCall.getString("connectedAt")).plusSeconds(LONG_CALL_SECONDS);

            containers.stop(CONTAINER);
            Instant stopped = Instant.now();
            assertTrue(
                    stopped.isBefore(ringTimeoutDue),
                    "the server took until " + stopped + " to stop, after the ring timeout was due at " + ringTimeoutDue
                            + ": the test would prove nothing; raise the ring timeout");
            containers.start(CONTAINER);
            Instant upAgain = Instant.now();
            assertTrue(
                    upAgain.isBefore(longCallDue),
                    "the server was back only at " + upAgain + ", after the long call was due at " + longCallDue
                            + ": raise LONG_CALL_SECONDS");

            JsonObject missed = awaitStateOtherThan(
                    "RINGING", api, requester, ringing.getString("callId"), later(ringTimeoutDue, upAgain));
            JsonObject released = awaitStateOtherThan(
                    "CONNECTED", api, requester, connected.getString("callId"), later(maximumLengthDue, upAgain));

            assertEquals("MISSED", missed.getString("state"), missed.toString());
            assertNotBefore(ringTimeoutDue, missed.getString("endedAt"));
            assertEquals("RELEASED", released.getString("state"), released.toString());
            assertEquals("maximum call length reached", released.getString("reason"));
            assertNotBefore(maximumLengthDue, released.getString("endedAt"));
            JsonObject longReleased =
                    awaitStateOtherThan("CONNECTED", api, destination, longCall.getString("callId"), longCallDue);
            assertEquals("RELEASED", longReleased.getString("state"), longReleased.toString());
            assertEquals("maximum call length reached", longReleased.getString("reason"));
            assertNotBefore(longCallDue, longReleased.getString("endedAt"));
        } finally {
            try {
                if (deployed && containers.isStarted(CONTAINER)) {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                if (containers.isStarted(CONTAINER)) {
                    containers.stop(CONTAINER);
                }
            }
        }
    }

    private static String channel(ApiClient api, int maxCallSeconds) {
        String channelId = "hall-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.postJson(
                "api/v1/admin/channels",
                "{\"captureEnabled\":false,\"channelId\":\"" + channelId
                        + "\",\"name\":\"Test hall\",\"timeZone\":\"Europe/Paris\"," + "\"maxCallSeconds\":"
                        + maxCallSeconds + "}",
                KeycloakServer.adminAuthorization());
        assertEquals(201, created.statusCode(), created.body());
        return channelId;
    }

    private static JsonObject start(ApiClient api, TerminalSigner requester, String channelId, String destination) {
        HttpResponse<String> created = api.signed(
                requester,
                "POST",
                "api/v1/calls",
                "{\"captureEnabled\":false,\"channelId\":\"" + channelId + "\""
                        + (destination == null ? "" : ",\"destinationTerminalId\":\"" + destination + "\"") + "}");
        assertEquals(201, created.statusCode(), created.body());
        return ApiClient.object(created);
    }

    /** Polls the call until it has left the state; fails when it is still in it a grace after the moment. */
    private static JsonObject awaitStateOtherThan(
            String state, ApiClient api, TerminalSigner terminal, String callId, Instant due) throws Exception {
        Instant deadline = due.plus(GRACE);
        while (true) {
            HttpResponse<String> response = api.signed(terminal, "GET", "api/v1/calls/" + callId, null);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject call = ApiClient.object(response);
            if (!state.equals(call.getString("state"))) {
                return call;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("call " + callId + " still " + state + " at " + Instant.now() + ", due " + due);
            }
            Thread.sleep(500);
        }
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** The timer fired no earlier than it was due (to the millisecond the server keeps). */
    private static void assertNotBefore(Instant due, String endedAt) {
        Instant ended = Instant.parse(endedAt);
        assertTrue(!ended.plusMillis(1).isBefore(due), "ended at " + ended + ", before it was due at " + due);
    }
}

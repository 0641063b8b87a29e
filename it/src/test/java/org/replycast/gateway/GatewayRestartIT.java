package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.replycast.testing.GatewayClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.RestartableServer;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;
import org.replycast.testing.TestTerminals;

/**
 * Acknowledged means durable: WildFly is killed with {@code kill -9} in the middle of a reply, started again,
 * and the terminal resumes at an offset that covers every byte it was acknowledged; the reply is then stored
 * byte for byte. Runs on the server of its own that a test restarts (the container {@code restartable}).
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class GatewayRestartIT {

    private static final String DEPLOYMENT = "replycast-gateway-restart";

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(RestartableServer.CONTAINER)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void aReplyResumesAfterAKilledServerWithEveryAcknowledgedByte() throws Exception {
        byte[] video = TestMedia.video(4);
        RestartableServer.clearData();
        containers.start(RestartableServer.CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            ApiClient api = RestartableServer.api();
            String channelId = TestChannels.create(api, "\"captureEnabled\":false");
            TerminalSigner terminal = TestTerminals.register(api);
            HttpResponse<String> call =
                    api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
            assertEquals(201, call.statusCode(), call.body());
            String uplinkUrl = ApiClient.object(call).getString("uplinkUrl");

            String messageId;
            long acknowledged;
            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                messageId = gateway.start("video/mp4", "Through a crash");
                acknowledged = gateway.sendInSegments(video, 0, video.length / 2, 16 * 1024, Duration.ZERO);
                ProcessHandle server = RestartableServer.process();
                server.destroyForcibly();
                server.onExit().get();
            }
            containers.kill(RestartableServer.CONTAINER);
            containers.start(RestartableServer.CONTAINER);

            try (GatewayClient gateway = GatewayClient.connect(api, uplinkUrl)) {
                gateway.resume(messageId);
                JsonObject started = gateway.next("started");
                long offset = started.getJsonNumber("offset").longValue();
                assertTrue(offset >= acknowledged, "resumed at " + offset + ", acknowledged " + acknowledged);
                gateway.sendInSegments(video, (int) offset, video.length, 64 * 1024, Duration.ZERO);
                gateway.end(TestMedia.sha256(video));
                assertEquals(TestMedia.sha256(video), gateway.next("stored").getString("sha256"));
            }
            HttpResponse<String> message = api.signed(terminal, "GET", "api/v1/messages/" + messageId, null);
            assertEquals("STORED", ApiClient.object(message).getString("state"));
            assertEquals(
                    video.length,
                    ApiClient.object(message).getJsonNumber("bytes").longValue());
            assertArrayEquals(
                    video,
                    java.nio.file.Files.readAllBytes(RestartableServer.dataDirectory()
                            .resolve("messages/" + channelId + "/" + messageId + ".media")));
        } finally {
            if (containers.isStarted(RestartableServer.CONTAINER)) {
                deployer.undeploy(DEPLOYMENT);
                containers.stop(RestartableServer.CONTAINER);
            }
        }
    }
}

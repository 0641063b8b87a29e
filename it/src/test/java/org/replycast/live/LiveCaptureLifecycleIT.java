package org.replycast.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.replycast.testing.CaptureProcesses;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.RestartableServer;
import org.replycast.testing.TestChannels;

/**
 * The capture's life follows the server's: a fresh install captures its channel {@code demo}; undeploying,
 * shutting down, and even a server killed with {@code kill -9} (whose ffmpeg is ended at the next start)
 * leave no ffmpeg behind. Runs on the restartable server, with the embedded defaults.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class LiveCaptureLifecycleIT {

    private static final String DEPLOYMENT = "replycast-capture-lifecycle";
    private static final Duration GONE = Duration.ofSeconds(15);

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
    void aFreshInstallCapturesDemoAndNoFfmpegOutlivesUndeployKillOrShutdown() throws Exception {
        RestartableServer.clearData();
        Path demo = RestartableServer.dataDirectory().resolve("live").resolve("demo");
        ApiClient api = RestartableServer.api();
        containers.start(RestartableServer.CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            TestChannels.awaitStatus(api, "demo", "LIVE", TestChannels.GOING_LIVE);
            CaptureProcesses.awaitOne(demo, Duration.ZERO);

            deployer.undeploy(DEPLOYMENT);
            CaptureProcesses.awaitNone(demo, GONE);

            deployer.deploy(DEPLOYMENT);
            TestChannels.awaitStatus(api, "demo", "LIVE", TestChannels.GOING_LIVE);
            ProcessHandle orphan = CaptureProcesses.awaitOne(demo, Duration.ZERO);

            ProcessHandle server = RestartableServer.process();
            server.destroyForcibly();
            server.onExit().get();
            containers.kill(RestartableServer.CONTAINER);
            assertTrue(orphan.isAlive(), "a server killed with -9 cannot end its ffmpeg itself");

            containers.start(RestartableServer.CONTAINER);
            assertFalse(orphan.isAlive(), "the ffmpeg left by the killed server is ended at the next start");
            TestChannels.awaitStatus(api, "demo", "LIVE", TestChannels.GOING_LIVE);
            assertNotEquals(
                    orphan.pid(), CaptureProcesses.awaitOne(demo, Duration.ZERO).pid());

            containers.stop(RestartableServer.CONTAINER);
            CaptureProcesses.awaitNone(demo, GONE);
        } finally {
            if (containers.isStarted(RestartableServer.CONTAINER)) {
                deployer.undeploy(DEPLOYMENT);
                containers.stop(RestartableServer.CONTAINER);
            }
        }
    }
}

package org.replycast.display;

import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.message.Replies;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.DisplayPage;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TcpRelay;
import org.replycast.testing.TestChannels;

/**
 * The venue display page in headless Chromium, reached through a network path the test can cut: it plays an
 * approved reply (its video's time advances), and after the network drops and comes back it reconnects by
 * itself and plays the reply approved while it was away.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class DisplayPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void theDisplayPlaysAnApprovedReplyAndComesBackAfterTheNetworkDrops() throws Exception {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false");
        String key = TestChannels.show(api, channelId).getString("displayKey");
        Replies.Sender sender = Replies.sender(api, channelId);
        try (TcpRelay network = new TcpRelay(api.base().getPort());
                Browser browser = new Browser()) {
            DisplayPage display =
                    DisplayPage.open(browser, URI.create("http://localhost:" + network.port() + "/"), channelId, key);
            display.awaitState("live");

            String first =
                    sender.send(Replies.video(), "video/mp4", "First reply").messageId();
            display.awaitPlaying(first, "First reply", "Test terminal", "display-first");

            network.cut();
            display.awaitState("reconnecting");
            String second =
                    sender.send(Replies.video(), "video/mp4", "Sent while away").messageId();
            network.restore();

            display.awaitState("live");
            display.awaitPlaying(second, "Sent while away", "Test terminal", "display-second");
            browser.screenshot("display-playing");
        }
    }
}

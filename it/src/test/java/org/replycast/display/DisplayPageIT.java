package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.message.Replies;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
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

    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
            browser.driver().get("http://localhost:" + network.port() + "/display/" + channelId + "#key=" + key);
            browser.waitUpTo(PATIENCE, "display-live")
                    .until(driver -> "live".equals(browser.script("return document.body.dataset.state")));

            String first =
                    sender.send(Replies.video(), "video/mp4", "First reply").messageId();
            awaitPlaying(browser, first, "First reply", "display-first");

            network.cut();
            browser.waitUpTo(PATIENCE, "display-reconnecting")
                    .until(driver -> "reconnecting".equals(browser.script("return document.body.dataset.state")));
            String second =
                    sender.send(Replies.video(), "video/mp4", "Sent while away").messageId();
            network.restore();

            browser.waitUpTo(PATIENCE, "display-back")
                    .until(driver -> "live".equals(browser.script("return document.body.dataset.state")));
            awaitPlaying(browser, second, "Sent while away", "display-second");
            browser.screenshot("display-playing");
        }
    }

    /** Waits until the page plays the message with its title, and its video's time advances. */
    private static void awaitPlaying(Browser browser, String messageId, String title, String screenshot) {
        browser.waitUpTo(PATIENCE, screenshot)
                .until(driver -> messageId.equals(browser.script("return document.body.dataset.playing")));
        assertEquals(title, browser.script("return document.getElementById('title').textContent"));
        assertEquals("Test terminal", browser.script("return document.getElementById('sender').textContent"));
        double start = currentTime(browser);
        browser.waitUpTo(Duration.ofSeconds(20), screenshot + "-stuck")
                .until(driver -> messageId.equals(browser.script("return document.body.dataset.playing"))
                        && currentTime(browser) > start + 1.0);
    }

    private static double currentTime(Browser browser) {
        return ((Number) browser.script("return document.getElementById('player').currentTime")).doubleValue();
    }
}

package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.replycast.testing.ConsolePages.ofChannel;
import static org.replycast.testing.ConsolePages.submit;
import static org.replycast.testing.ConsolePages.type;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/**
 * Admins and operators run channels from the console's Channels page: create (a bad value is refused beside
 * its field and creates nothing), edit, start and stop the capture, delete after a confirmation; the dashboard
 * shows a live channel playing.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ChannelsPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anAdminCreatesEditsCapturesAndDeletesAChannel() {
        String channelId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            ConsolePages.open(browser, "channels");

            ConsolePages.fillNewChannel(browser, channelId, "Console hall");
            type(browser, "channel:timeZone", "Mars/Olympus");
            submit(browser, By.id("channel:save"));

            assertTrue(ConsolePages.messageBeside(browser, "channel:timeZone")
                    .contains("timeZone must be a time zone id"));
            assertEquals(
                    404,
                    api.get("api/v1/admin/channels/" + channelId, KeycloakServer.adminAuthorization())
                            .statusCode());

            type(browser, "channel:timeZone", "Europe/Paris");
            submit(browser, By.id("channel:save"));
            ConsolePages.awaitText(browser, ofChannel(channelId, ":status"), "STOPPED", ConsolePages.REFRESHED);
            JsonObject created = TestChannels.show(api, channelId);
            assertEquals("Console hall", created.getString("name"));
            assertEquals("Europe/Paris", created.getString("timeZone"));
            assertFalse(created.getBoolean("captureEnabled"));

            submit(browser, ofChannel(channelId, ":edit"));
            browser.waitUpTo(ConsolePages.REFRESHED)
                    .until(ExpectedConditions.attributeToBe(By.id("channel:channelId"), "value", channelId));
            type(browser, "channel:name", "Renamed hall");
            type(browser, "channel:maxConnectedCalls", "0");
            submit(browser, By.id("channel:save"));
            assertTrue(ConsolePages.messageBeside(browser, "channel:maxConnectedCalls")
                    .contains("maxConnectedCalls must be positive"));
            assertEquals("Console hall", TestChannels.show(api, channelId).getString("name"));

            type(browser, "channel:maxConnectedCalls", "5");
            type(browser, "channel:forwardUrl", "https://hooks.example/replies");
            submit(browser, By.id("channel:save"));
            ConsolePages.awaitText(browser, ofChannel(channelId, ":status"), "STOPPED", ConsolePages.REFRESHED);
            JsonObject edited = TestChannels.show(api, channelId);
            assertEquals("Renamed hall", edited.getString("name"));
            assertEquals(5, edited.getInt("maxConnectedCalls"));
            assertEquals("https://hooks.example/replies", edited.getString("forwardUrl"));

            submit(browser, ofChannel(channelId, ":start"));
            ConsolePages.awaitText(browser, ofChannel(channelId, ":status"), "LIVE", TestChannels.GOING_LIVE);
            browser.screenshot("console-channels");

            ConsolePages.open(browser, "index");
            ConsolePages.awaitText(browser, ofChannel(channelId, "status"), "LIVE", ConsolePages.REFRESHED);
            assertEquals(
                    "0",
                    browser.driver()
                            .findElement(ofChannel(channelId, "viewers"))
                            .getText());
            assertEquals(
                    "0",
                    browser.driver()
                            .findElement(ofChannel(channelId, "replies"))
                            .getText());
            // The thumbnail plays the channel through the console's own live path.
            browser.waitUpTo(TestChannels.GOING_LIVE, "console-thumbnail").until(driver -> (Boolean) browser.script(
                    "const v = document.querySelector(\"video[data-live*='/\" + arguments[0] + \"/']\");"
                            + " return v !== null && v.currentTime > 0;",
                    channelId));
            browser.screenshot("console-dashboard");

            ConsolePages.open(browser, "channels");
            submit(browser, ofChannel(channelId, ":stop"));
            ConsolePages.awaitText(browser, ofChannel(channelId, ":status"), "STOPPED", ConsolePages.REFRESHED);
            assertFalse(TestChannels.show(api, channelId).getBoolean("captureEnabled"));

            submit(browser, ofChannel(channelId, ":delete"));
            assertTrue(browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-confirm")
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-question")))
                    .getText()
                    .contains(channelId));
            confirmRemoval(browser, channelId);
        } finally {
            TestChannels.remove(api, channelId);
        }
    }

    @Test
    void anOperatorRunsChannelsToo() {
        String channelId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            ConsolePages.open(browser, "channels");

            ConsolePages.fillNewChannel(browser, "bad id!", "Operator hall");
            submit(browser, By.id("channel:save"));
            assertTrue(ConsolePages.messageBeside(browser, "channel:channelId").contains("channelId must be"));

            type(browser, "channel:channelId", channelId);
            submit(browser, By.id("channel:save"));
            ConsolePages.awaitText(browser, ofChannel(channelId, ":status"), "STOPPED", ConsolePages.REFRESHED);
            assertTrue(
                    browser.driver()
                            .findElements(ofChannel(channelId, ":renew-secret"))
                            .isEmpty(),
                    "the admin-only forwarding secret is not offered to an operator");

            submit(browser, ofChannel(channelId, ":delete"));
            confirmRemoval(browser, channelId);
        } finally {
            TestChannels.remove(api, channelId);
        }
    }

    /** Confirms the removal that the page asks about, and sees the channel gone from the page and the API. */
    private void confirmRemoval(Browser browser, String channelId) {
        submit(browser, By.id("confirm:delete"));
        browser.waitUpTo(ConsolePages.REFRESHED)
                .until(ExpectedConditions.invisibilityOfElementLocated(ofChannel(channelId, ":edit")));
        assertEquals(
                404,
                api.get("api/v1/admin/channels/" + channelId, KeycloakServer.adminAuthorization())
                        .statusCode());
    }
}

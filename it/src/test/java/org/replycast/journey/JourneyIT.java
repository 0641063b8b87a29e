package org.replycast.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.DisplayPage;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalMessages;
import org.replycast.testing.TerminalPage;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;

/**
 * The journey of the seed, step by step as people take it, each step photographed into the test artifacts
 * ({@code journey-*.png}): an admin sets Replycast up in the console, a son's phone calls his grandmother's
 * tablet, which rings, answers, watches the place live and records a reply with its camera; a moderator
 * approves it, the screen at the place plays it, and its bytes are the bytes the tablet sent.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class JourneyIT {

    /** Below the suite's ring timeout (8 s, arquillian.xml), so the call still rings when the page shows it. */
    private static final Duration RING_DEADLINE = Duration.ofSeconds(6);

    private static final String TITLE = "Congratulations from Grandma";

    private final ApiClient api = new ApiClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String channelId = "journey-" + suffix;

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @AfterEach
    void stopTheCapture() {
        TestChannels.remove(api, channelId);
    }

    @Test
    void aReplyTravelsFromTheConsoleThroughACallToTheScreenAtThePlace() throws Exception {
        try (Browser admin = new Browser();
                Browser son = new Browser();
                Browser grandma = Browser.withFakeCamera();
                Browser moderator = new Browser();
                Browser screen = new Browser()) {
            // 1. The admin registers the two terminals and a channel on the test picture.
            ConsoleSignIn.as(admin, "admin");
            TerminalSigner phone = register(admin, "phone-" + suffix, "Son's phone");
            TerminalSigner tablet = register(admin, "tablet-" + suffix, "Grandma's tablet");
            admin.screenshot("journey-1-console-terminal-registered");
            createLiveChannel(admin);
            admin.screenshot("journey-1-console-channel-live");

            // 2. The son's phone calls the tablet, which rings and answers.
            TerminalPage phonePage = new TerminalPage(son, "journey-phone").open();
            TerminalPage tabletPage = new TerminalPage(grandma, "journey-tablet").open();
            phonePage.signIn(phone);
            tabletPage.signIn(tablet);
            String callId = phonePage.startCall(channelId, tablet.terminalId());
            phonePage.awaitCallState(callId, "RINGING");
            phonePage.screenshot("journey-2-phone-calling");
            tabletPage.answerWhenRinging(RING_DEADLINE);
            tabletPage.awaitCallState(callId, "CONNECTED");
            phonePage.awaitCallState(callId, "CONNECTED");

            // 3. The tablet plays the place live, records a reply of 5 s and sends it as it records.
            tabletPage.awaitPlayedFor(Duration.ofSeconds(3));
            tabletPage.screenshot("journey-3-tablet-watching");
            grandma.driver().findElement(By.id("reply-title")).sendKeys(TITLE);
            tabletPage.startRecording();
            Thread.sleep(5_000);
            tabletPage.screenshotReply("journey-3-tablet-recording");
            tabletPage.stopRecording();
            tabletPage.awaitReplyState("stored");
            tabletPage.screenshotReply("journey-3-tablet-stored");
            String messageId = tabletPage.replyStatus("message-id");
            String sentSha256 = tabletPage.replyStatus("sha256");

            // 4. A moderator approves it in the console, and the screen at the place plays it.
            DisplayPage display = DisplayPage.open(
                    screen,
                    ApiClient.baseUri(),
                    channelId,
                    TestChannels.show(api, channelId).getString("displayKey"));
            display.awaitState("live");
            ConsoleSignIn.as(moderator, "moderator");
            approve(moderator, messageId);
            display.awaitPlaying(messageId, TITLE, "Grandma's tablet", "journey-4-display");
            screen.screenshot("journey-4-display-playing");

            // 5. The reply's bytes, downloaded through the API, are what the tablet sent.
            HttpResponse<byte[]> media = TerminalMessages.media(api, tablet, messageId, null);
            assertEquals(200, media.statusCode());
            assertEquals(sentSha256, TestMedia.sha256(media.body()), "the bytes the tablet sent");
            assertFalse(TestMedia.probe(media.body(), ".webm").videoCodecs().isEmpty(), "a video reply");
            assertEquals(List.of(), tabletPage.trouble());
            assertEquals(List.of(), phonePage.trouble());
        }
    }

    /** Registers a terminal on the console's Terminals page and reads the secret it shows once. */
    private static TerminalSigner register(Browser admin, String terminalId, String displayName) {
        ConsolePages.open(admin, "terminals");
        ConsolePages.type(admin, "register:terminalId", terminalId);
        ConsolePages.type(admin, "register:displayName", displayName);
        ConsolePages.submit(admin, By.id("register:submit"));
        String secret = admin.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "journey-secret-" + terminalId)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("revealed-secret")))
                .getText();
        return new TerminalSigner(terminalId, secret);
    }

    /** Creates the channel on the Channels page, capturing the test picture with manual moderation, and waits for LIVE. */
    private void createLiveChannel(Browser admin) {
        ConsolePages.open(admin, "channels");
        ConsolePages.submit(admin, By.id("list:new"));
        ConsolePages.type(admin, "channel:channelId", channelId);
        ConsolePages.type(admin, "channel:name", "Wedding hall");
        new Select(admin.driver().findElement(By.id("channel:moderation"))).selectByValue("MANUAL");
        ConsolePages.submit(admin, By.id("channel:save"));
        ConsolePages.awaitText(
                admin,
                ConsolePages.ofChannel(channelId, ":status"),
                "LIVE",
                TestChannels.GOING_LIVE.plus(ConsolePages.REFRESHED));
    }

    /** Approves the message in the moderation queue of the journey's channel. */
    private void approve(Browser moderator, String messageId) {
        ConsolePages.open(moderator, "messages");
        new Select(moderator.driver().findElement(By.id("filters:channel"))).selectByValue(channelId);
        ConsolePages.submit(moderator, By.id("filters:apply"));
        By approve = By.xpath("//tr[.//*[contains(@class,'message-id') and normalize-space()='" + messageId
                + "']]//input[@value='Approve']");
        moderator.screenshot("journey-4-console-messages");
        ConsolePages.submit(moderator, approve);
        moderator
                .waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "journey-approved")
                .until(ExpectedConditions.invisibilityOfElementLocated(approve));
    }
}

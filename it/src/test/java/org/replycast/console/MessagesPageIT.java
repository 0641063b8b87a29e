package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.replycast.display.AdminMessages;
import org.replycast.message.Replies;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.EventStream;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestMedia;

/** The console's moderation queue in a real browser: a moderator works through a reply; an operator may not. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class MessagesPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void aModeratorPlaysDownloadsRejectsApprovesAndSendsAReplyToTheDisplay() throws Exception {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"moderation\":\"MANUAL\"");
        String displayKey = TestChannels.show(api, channelId).getString("displayKey");
        byte[] video = Replies.video();
        String messageId = Replies.sender(api, channelId)
                .send(video, "video/mp4", "Greetings <i>from</i> row 3")
                .messageId();

        try (Browser browser = new Browser()) {
            browser.inTimeZone("Asia/Tokyo");
            ConsoleSignIn.as(browser, "moderator");
            openMessages(browser);
            filter(browser, channelId, "WAITING", null);
            assertEquals("1–1 of 1", showing(browser));
            assertTrue(
                    text(browser, "#list\\:messages .title").contains("Greetings <i>from</i> row 3"), "escaped title");

            // The time it was received, in the reader's zone (Tokyo, UTC+9) to the second, UTC as the tooltip.
            Instant receivedAt = Instant.parse(
                    ApiClient.object(AdminMessages.show(api, messageId)).getString("createdAt"));
            WebElement received = browser.driver().findElement(By.cssSelector("#list\\:messages .received time"));
            assertEquals(receivedAt, Instant.parse(received.getAttribute("datetime")));
            String tokyoClock =
                    DateTimeFormatter.ofPattern("HH:mm:ss").format(receivedAt.atZone(ZoneId.of("Asia/Tokyo")));
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "received-localized")
                    .until(driver -> received.getText().contains(tokyoClock));
            assertEquals(
                    DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").format(receivedAt.atZone(ZoneOffset.UTC)),
                    received.getAttribute("title"));
            browser.screenshot("console-messages");

            // The inline player plays the reply through the console's own media path.
            browser.script("const v = document.querySelector('video.player'); v.muted = true; v.play();");
            browser.waitUpTo(AdminMessages.PATIENCE, "player-plays")
                    .until(driver ->
                            ((Number) browser.script("return document.querySelector('video.player').currentTime;"))
                                            .doubleValue()
                                    > 0.5);

            // The download is the original bytes.
            Object downloaded = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('list:messages:0:download').href)"
                            + ".then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))"
                            + ".then(d => done([...new Uint8Array(d)].map(x => x.toString(16).padStart(2, '0')).join('')))"
                            + ".catch(e => done('failed: ' + e));");
            assertEquals(TestMedia.sha256(video), downloaded);

            // A rejection without a reason is named beside the field and changes nothing.
            ConsolePages.submit(browser, By.id("list:messages:0:reject"));
            String error = ConsolePages.messageBeside(browser, "list:messages:0:reason");
            assertEquals("Say why the reply is rejected.", error);
            assertEquals("PENDING", moderationOf(messageId));

            ConsolePages.submit(browser, By.id("list:messages:0:approve"));
            AdminMessages.await(api, messageId, m -> "APPROVED".equals(m.getString("moderation")), "approved");
            assertEquals(
                    "No replies match.", awaitShowing(browser, "No replies match."), "gone from the waiting queue");

            // Among the approved ones, sent to the display now: its stream hears it at once.
            filter(browser, channelId, "APPROVED", null);
            assertEquals("1–1 of 1", showing(browser));
            try (EventStream display = EventStream.open(
                    api.uri("api/v1/display/" + channelId + "/events?key="
                            + URLEncoder.encode(displayKey, StandardCharsets.UTF_8)),
                    "display-" + channelId)) {
                ConsolePages.submit(browser, By.id("list:messages:0:display-now"));
                EventStream.Event now = display.await(
                        e -> "display-now".equals(e.name()), AdminMessages.PATIENCE, "a display-now event");
                assertEquals(messageId, now.json().getString("messageId"));
            }

            // The day filter: nothing was received tomorrow.
            filter(browser, channelId, "ALL", LocalDate.now(ZoneOffset.UTC).plusDays(1));
            assertEquals("No replies match.", showing(browser));
            filter(browser, "", "STORED", LocalDate.now(ZoneOffset.UTC));
            assertTrue(total(browser) >= 1, showing(browser));

            // Taken back, with a reason.
            filter(browser, channelId, "APPROVED", null);
            browser.driver().findElement(By.id("list:messages:0:reason")).sendKeys("Off topic");
            ConsolePages.submit(browser, By.id("list:messages:0:reject"));
            JsonObject rejected =
                    AdminMessages.await(api, messageId, m -> "REJECTED".equals(m.getString("moderation")), "rejected");
            assertTrue(rejected.toString().contains("Off topic"), rejected.toString());
        }
    }

    @Test
    void anOperatorMayNotOpenTheQueueNorItsMedia() throws Exception {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false,\"moderation\":\"MANUAL\"");
        String messageId = Replies.sender(api, channelId)
                .send(Replies.video(), "video/mp4", "Private")
                .messageId();
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            assertTrue(browser.driver().findElements(By.id("nav-messages")).isEmpty(), "no link to the queue");
            browser.driver()
                    .get(ApiClient.baseUri().resolve("console/messages.xhtml").toString());
            assertTrue(browser.driver().findElements(By.id("list:showing")).isEmpty());
            assertTrue(browser.driver().getPageSource().contains("no role that allows this"));
            assertEquals(
                    403L,
                    browser.script(
                            "const r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send(); return r.status;",
                            ApiClient.baseUri()
                                    .resolve("console/media/" + messageId + "/original")
                                    .toString()));
        }
    }

    private static void openMessages(Browser browser) {
        browser.driver()
                .get(ApiClient.baseUri().resolve("console/messages.xhtml").toString());
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "messages-page")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("list:showing")));
    }

    /** Sets the filters (a null day clears it) and waits for the page they give. */
    private static void filter(Browser browser, String channelId, String shown, LocalDate receivedFrom) {
        new Select(browser.driver().findElement(By.id("filters:channel"))).selectByValue(channelId);
        new Select(browser.driver().findElement(By.id("filters:shown"))).selectByValue(shown);
        browser.script(
                "document.getElementById('filters:received-from').value = arguments[0];",
                receivedFrom == null ? "" : receivedFrom.toString());
        ConsolePages.submit(browser, By.id("filters:apply"));
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "filtered-page")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("list:showing")));
    }

    private static String awaitShowing(Browser browser, String expected) {
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "showing")
                .until(ExpectedConditions.textToBe(By.id("list:showing"), expected));
        return showing(browser);
    }

    private static String showing(Browser browser) {
        return browser.driver().findElement(By.id("list:showing")).getText();
    }

    private static long total(Browser browser) {
        String[] words = showing(browser).split(" ");
        return words.length == 3 ? Long.parseLong(words[2]) : 0;
    }

    private static String text(Browser browser, String css) {
        List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private String moderationOf(String messageId) {
        return ApiClient.object(AdminMessages.show(api, messageId)).getString("moderation");
    }
}

package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;

/** The venue display page {@code /display/{channelId}#key=…} in a browser, as the screen at the place shows it. */
public final class DisplayPage {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Browser browser;

    private DisplayPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the channel's display from the server at the base address, with its display key. */
    public static DisplayPage open(Browser browser, URI base, String channelId, String displayKey) {
        browser.driver().get(base.resolve("display/" + channelId) + "#key=" + displayKey);
        return new DisplayPage(browser);
    }

    /** Waits until the page's stream is in the state: {@code live} or {@code reconnecting}. */
    public void awaitState(String state) {
        browser.waitUpTo(PATIENCE, "display-" + state)
                .until(driver -> state.equals(browser.script("return document.body.dataset.state")));
    }

    /** Waits until the page plays the message with its title and sender, and its video's time advances. */
    public void awaitPlaying(String messageId, String title, String sender, String screenshot) {
        browser.waitUpTo(PATIENCE, screenshot)
                .until(driver -> messageId.equals(browser.script("return document.body.dataset.playing")));
        assertEquals(title, browser.script("return document.getElementById('title').textContent"));
        assertEquals(sender, browser.script("return document.getElementById('sender').textContent"));
        double start = currentTime();
        browser.waitUpTo(Duration.ofSeconds(20), screenshot + "-stuck")
                .until(driver -> messageId.equals(browser.script("return document.body.dataset.playing"))
                        && currentTime() > start + 1.0);
    }

    private double currentTime() {
        return ((Number) browser.script("return document.getElementById('player').currentTime")).doubleValue();
    }
}

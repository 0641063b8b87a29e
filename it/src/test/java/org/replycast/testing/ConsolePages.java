package org.replycast.testing;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Opens console pages and finds what a person would look for on them: a row's button, a field's message. */
public final class ConsolePages {

    /** Longer than a page's self-refresh (5 s), with room for a busy machine. */
    public static final Duration REFRESHED = Duration.ofSeconds(30);

    private ConsolePages() {}

    /** Opens {@code console/NAME.xhtml} of a signed-in browser and waits for its header. */
    public static void open(Browser browser, String page) {
        browser.driver()
                .get(ApiClient.baseUri().resolve("console/" + page + ".xhtml").toString());
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-" + page)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
    }

    /** Opens the page and expects the container's refusal for the signed-in role, not the page. */
    public static String openRefused(Browser browser, String page) {
        browser.driver()
                .get(ApiClient.baseUri().resolve("console/" + page + ".xhtml").toString());
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-refused-" + page)
                .until(driver -> driver.getPageSource().contains("no role that allows this"));
        return browser.driver().getPageSource();
    }

    /** The element with the id (ending as given) that is marked with the data attribute and value. */
    public static By marked(String attribute, String value, String idEnd) {
        return By.cssSelector("[data-" + attribute + "='" + value + "'][id$='" + idEnd + "']");
    }

    /** The element of a row of the channel, such as its {@code :edit} button. */
    public static By ofChannel(String channelId, String idEnd) {
        return marked("channel", channelId, idEnd);
    }

    /**
     * Clicks a button that posts the whole page (every console button but the pagers' and the search's) and
     * waits for the page that answers: a complete document without the mark put on the old one. Waiting for an
     * old element to go stale raced with Chromium tearing the old document down, reported as an unknown error.
     */
    public static void submit(Browser browser, By button) {
        WebElement clickable = browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-clickable")
                .until(ExpectedConditions.elementToBeClickable(button));
        browser.script("document.documentElement.dataset.replycastSubmitted = 'yes';");
        clickable.click();
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-submit")
                .ignoring(WebDriverException.class) // a script run while the page changes may fail; asked again
                .until(driver -> (Boolean) browser.script("return document.readyState === 'complete'"
                        + " && !('replycastSubmitted' in document.documentElement.dataset);"));
    }

    /** Opens the Channels page's form for a new channel and fills its id and name, capture off (no ffmpeg). */
    public static void fillNewChannel(Browser browser, String channelId, String name) {
        submit(browser, By.id("list:new"));
        type(browser, "channel:channelId", channelId);
        type(browser, "channel:name", name);
        browser.driver().findElement(By.id("channel:captureEnabled")).click();
    }

    /** The id of the element of the channel's row, such as {@code list:rows:3:edit}. */
    public static String idOf(Browser browser, By what) {
        return browser.driver().findElement(what).getAttribute("id");
    }

    /** Replaces the input's text, as a person selecting all and typing would. */
    public static void type(Browser browser, String inputId, String text) {
        WebElement input = browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-type")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(inputId)));
        input.clear();
        input.sendKeys(text);
    }

    /** The message shown beside the input, after it, once there is one. */
    public static String messageBeside(Browser browser, String inputId) {
        By message = By.xpath("//*[@id='" + inputId + "']/following-sibling::span[contains(@class,'field-error')]");
        return browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-message-" + inputId)
                .until(ExpectedConditions.visibilityOfElementLocated(message))
                .getText();
    }

    /** Waits until the element shows the text, the page refreshing itself meanwhile. */
    public static void awaitText(Browser browser, By what, String text, Duration patience) {
        browser.waitUpTo(patience, "console-await-" + text).until(driver -> {
            List<WebElement> found = driver.findElements(what);
            try {
                return !found.isEmpty() && found.get(0).getText().equals(text);
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false; // re-rendered by the refresh just now; looked up again next time
            }
        });
    }

    /** The page's messages above the content (done, or refused), once there are some. */
    public static String pageMessages(Browser browser) {
        return browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "console-page-messages")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("messages")))
                .getText();
    }
}

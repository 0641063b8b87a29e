package org.replycast.terminal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;

/**
 * The terminal page {@code /terminal/} in a browser, as a person uses it: what they type and tap, and what
 * it shows. It also records what the page's Content-Security-Policy blocked and the script errors nobody
 * caught, which a test expects to stay empty.
 */
final class TerminalPage {

    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for a new channel's capture to write its first segments and for the player to start. */
    static final Duration PLAYBACK_TIMEOUT = TestChannels.GOING_LIVE.plusSeconds(30);
    /** Long enough for a reply to be sent, resumed after a drop, checked, probed and stored. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

    private static final String RECORD_TROUBLE = "window.pageTrouble = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => pageTrouble.push('CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')'));"
            + "window.addEventListener('error', e => pageTrouble.push('error: ' + e.message));"
            + "window.addEventListener('unhandledrejection', e => pageTrouble.push('rejection: ' + e.reason));";

    private final Browser browser;
    private final String name;

    /** @param name what screenshots of this page are called */
    TerminalPage(Browser browser, String name) {
        this.browser = browser;
        this.name = name;
        browser.beforeEveryPage(RECORD_TROUBLE);
    }

    TerminalPage open() {
        return open(ApiClient.baseUri());
    }

    /** Opens the page of the server at the base URI, such as a {@code TcpRelay}'s address in front of it. */
    TerminalPage open(URI base) {
        browser.driver().get(base.resolve("terminal/").toString());
        return this;
    }

    void reload() {
        browser.driver().navigate().refresh();
    }

    void submitSignIn(String terminalId, String secret) {
        wait(PAGE_TIMEOUT, "sign-in-form").until(ExpectedConditions.visibilityOfElementLocated(By.id("terminal-id")));
        element("terminal-id").clear();
        element("terminal-id").sendKeys(terminalId);
        element("terminal-secret").clear();
        element("terminal-secret").sendKeys(secret);
        element("sign-in-button").click();
    }

    /** Signs in and waits until the page listens for calls, so that a call to the terminal rings. */
    void signIn(TerminalSigner terminal) {
        submitSignIn(terminal.terminalId(), terminal.secret());
        awaitSignedIn(terminal.terminalId());
        wait(PAGE_TIMEOUT, "events-" + name)
                .until(ExpectedConditions.textToBe(By.id("events-status"), "Ready to be called."));
    }

    void awaitSignedIn(String terminalId) {
        wait(PAGE_TIMEOUT, "signed-in-" + name).until(ExpectedConditions.textToBe(By.id("signed-in-as"), terminalId));
    }

    /** The sign-in refusal as the page shows it, once it shows one. */
    String signInError() {
        wait(PAGE_TIMEOUT, "sign-in-error-" + name)
                .until(driver -> !element("sign-in-error").getText().isBlank());
        return element("sign-in-error").getText();
    }

    boolean showsSignInForm() {
        return element("sign-in").isDisplayed();
    }

    String text(String id) {
        return element(id).getText();
    }

    void forget() {
        element("forget-button").click();
    }

    /** Starts a call on the channel from the form, to another terminal or, with null, to itself; its id. */
    String startCall(String channelId, String destinationTerminalId) {
        wait(PAGE_TIMEOUT, "channels-" + name)
                .until(driver -> !new Select(element("channel")).getOptions().isEmpty());
        new Select(element("channel")).selectByValue(channelId);
        element("destination").clear();
        if (destinationTerminalId != null) {
            element("destination").sendKeys(destinationTerminalId);
        }
        List<String> before = callIds();
        element("call-button").click();
        return wait(PAGE_TIMEOUT, "call-started-" + name).until(driver -> callIds().stream()
                .filter(id -> !before.contains(id))
                .findFirst()
                .orElse(null));
    }

    /** Waits until the call shows the state. */
    void awaitCallState(String callId, String state) {
        wait(PAGE_TIMEOUT, "call-" + state + "-" + name)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#calls li[data-call-id='" + callId + "'][data-state='" + state + "']")));
    }

    void endCall(String callId) {
        browser.driver()
                .findElement(By.cssSelector("#calls li[data-call-id='" + callId + "'] button[data-action='end']"))
                .click();
    }

    /** Waits until the page rings for a call, and answers it from the ringing panel. */
    void answerWhenRinging(Duration deadline) {
        wait(deadline, "ringing-" + name).until(ExpectedConditions.visibilityOfElementLocated(By.id("ringing")));
        element("answer-button").click();
    }

    /** Waits until the live picture has played the given time on (its position advanced that far). */
    void awaitPlayedFor(Duration played) {
        double seconds = played.toMillis() / 1000.0;
        wait(PLAYBACK_TIMEOUT, "playing-" + name).until(driver -> currentTime() > 0);
        double start = currentTime();
        wait(PLAYBACK_TIMEOUT, "played-" + name).until(driver -> currentTime() >= start + seconds);
    }

    /** The latency the page shows, in milliseconds, once it shows one. */
    long latencyMillis() {
        wait(PAGE_TIMEOUT, "latency-" + name)
                .until(driver -> element("latency").getDomAttribute("data-latency-ms") != null);
        return Long.parseLong(element("latency").getDomAttribute("data-latency-ms"));
    }

    boolean showsLatency() {
        return element("latency").getDomAttribute("data-latency-ms") != null;
    }

    /** Sets the choice between sending while recording (checked) and watching the recording first. */
    void sendWhileRecording(boolean live) {
        wait(PAGE_TIMEOUT, "reply-" + name).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply")));
        if (element("reply-live").isSelected() != live) {
            element("reply-live").click();
        }
    }

    /** Taps the reply button and waits until the page records. */
    void startRecording() {
        wait(PAGE_TIMEOUT, "reply-" + name).until(ExpectedConditions.elementToBeClickable(By.id("reply-record")));
        element("reply-record").click();
        awaitReplyState("recording");
    }

    void stopRecording() {
        element("reply-stop").click();
    }

    /** Taps Record again on the preview, and waits until the page records anew. */
    void recordAgain() {
        element("reply-again").click();
        awaitReplyState("recording");
    }

    /** Taps Send on the preview of a recording. */
    void sendRecorded() {
        element("reply-send").click();
    }

    /** Picks the file in the reply's file input, which sends it. */
    void sendFile(Path file) {
        wait(PAGE_TIMEOUT, "reply-" + name).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply")));
        element("reply-file").sendKeys(file.toAbsolutePath().toString());
    }

    /** Waits until the reply is in the state (the status's data-state), and returns what the status says. */
    String awaitReplyState(String state) {
        awaitReplyStatus("state", state);
        return text("reply-status");
    }

    /** Waits until the reply status's data attribute has the value, such as "link" "reconnecting". */
    void awaitReplyStatus(String attribute, String value) {
        wait(REPLY_TIMEOUT, "reply-" + value + "-" + name).until(driver -> value.equals(replyStatus(attribute)));
    }

    /** A data attribute of the reply's status, such as "state", "message-id", "sha256" or "link"; null without it. */
    String replyStatus(String attribute) {
        return element("reply-status").getDomAttribute("data-" + attribute);
    }

    /** The bytes of the reply the server has acknowledged, as the page shows them (0 before any). */
    long acknowledgedBytes() {
        String acked = element("reply-progress").getDomAttribute("data-acked");
        return acked == null ? 0 : Long.parseLong(acked);
    }

    /** Waits until the page has acknowledged bytes beyond the given number. */
    void awaitAcknowledgedOver(long bytes) {
        wait(REPLY_TIMEOUT, "reply-acked-" + name).until(driver -> acknowledgedBytes() > bytes);
    }

    /** Whether the recording is shown in the preview video, ready to play (its length known or its data there). */
    boolean showsPreview() {
        return Boolean.TRUE.equals(browser.script("const video = document.getElementById('reply-preview');"
                + " return !video.hidden && video.controls && video.src.startsWith('blob:')"
                + " && video.readyState >= 1;"));
    }

    /** Waits until the terminal's message list shows the message in the state. */
    void awaitListedMessage(String messageId, String state) {
        wait(REPLY_TIMEOUT, "messages-" + state + "-" + name)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        "#messages-list li[data-message-id='" + messageId + "'][data-state='" + state + "']")));
    }

    /** How far the page is wider than the screen, in CSS pixels; 0 when nothing scrolls sideways. */
    long horizontalOverflow() {
        return ((Number) browser.script("return document.scrollingElement.scrollWidth - window.innerWidth;"))
                .longValue();
    }

    /** What the page's policy blocked and the script errors nobody caught since it was opened. */
    @SuppressWarnings("unchecked")
    List<String> trouble() {
        return (List<String>) browser.script("return window.pageTrouble;");
    }

    void screenshot(String what) {
        browser.screenshot("terminal-" + name + "-" + what);
    }

    /** A screenshot with the reply's controls and status in view. */
    void screenshotReply(String what) {
        browser.script("document.getElementById('reply-status').scrollIntoView({block: 'center'});");
        screenshot(what);
    }

    private double currentTime() {
        return ((Number) browser.script("return document.getElementById('video').currentTime;")).doubleValue();
    }

    /** The ids in the call list, read in one go: the page renders the list anew on every change. */
    @SuppressWarnings("unchecked")
    private List<String> callIds() {
        return (List<String>)
                browser.script("return [...document.querySelectorAll('#calls li')].map(call => call.dataset.callId);");
    }

    private WebElement element(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private WebDriverWait wait(Duration timeout, String screenshot) {
        return browser.waitUpTo(timeout, "terminal-" + screenshot);
    }
}

package org.replycast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, with a fresh profile per test: a desktop
 * window, or a phone's screen; either with a fake camera and microphone when a test records.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;

    /** A desktop browser window of 1280 × 900. */
    public Browser() {
        this(options());
    }

    private Browser(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    /**
     * A phone's browser: a touch screen of the given CSS pixels at 3 device pixels each, which honours the
     * page's viewport meta element as a phone does (a desktop window ignores it).
     */
    public static Browser phone(int width, int height) {
        return new Browser(phoneOptions(width, height));
    }

    private static ChromeOptions phoneOptions(int width, int height) {
        ChromeOptions options = options();
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 3.0, "mobile", true, "touch", true)));
        return options;
    }

    /**
     * A desktop browser window whose camera and microphone are Chromium's fake devices (a moving test picture
     * and a beep), which pages may use without asking.
     */
    public static Browser withFakeCamera() {
        return new Browser(withFakeCamera(options()));
    }

    /** A phone's browser, as {@link #phone}, with the fake camera and microphone of {@link #withFakeCamera()}. */
    public static Browser phoneWithFakeCamera(int width, int height) {
        return new Browser(withFakeCamera(phoneOptions(width, height)));
    }

    private static ChromeOptions withFakeCamera(ChromeOptions options) {
        return options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
    }

    private static ChromeOptions options() {
        return new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs the script in every page this browser opens from now on, before the page's own scripts. */
    public void beforeEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Makes the pages of this browser see the given time zone (such as {@code Asia/Tokyo}) as the device's own. */
    public void inTimeZone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
    }

    /** Runs the script in the page and returns its result, as {@code return ...} gives it. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** A wait that, when it runs out, saves a screenshot under the given name and says where the page was. */
    public WebDriverWait waitUpTo(Duration timeout, String screenshotOnTimeout) {
        return new WebDriverWait(driver, timeout) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                screenshot("timeout-" + screenshotOnTimeout);
                return super.timeoutException(
                        message + "; the page was " + driver.getCurrentUrl() + " titled '" + driver.getTitle() + "'",
                        lastException);
            }
        };
    }

    /** Saves what the page shows, as a test artifact a person can look at. */
    public void screenshot(String name) {
        Path target = Path.of(System.getProperty("replycast.it.artifacts", "target/artifacts"), name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + target, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

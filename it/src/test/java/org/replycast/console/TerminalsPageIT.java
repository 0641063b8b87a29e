package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/** The console's terminals page in a real browser: an admin manages terminals, an operator only looks. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class TerminalsPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anAdminRegistersATerminalSeesItsSecretOnceRotatesItAndDisablesIt() {
        String terminalId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            openTerminals(browser);
            browser.screenshot("console-terminals");

            ConsolePages.type(browser, "register:terminalId", terminalId);
            ConsolePages.type(browser, "register:displayName", "Hall <b>entrance</b>");
            ConsolePages.submit(browser, By.id("register:submit"));
            String secret = revealedSecret(browser);
            browser.screenshot("console-terminal-registered");

            // The QR code is drawn and encodes the terminal page with the id, and never the secret.
            String terminalPage = ApiClient.baseUri().resolve("terminal/") + "#id=" + terminalId;
            WebElement qr = browser.driver().findElement(By.id("terminal-qr"));
            assertEquals(terminalPage, qr.getAttribute("data-qr"));
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "qr-drawn")
                    .until(driver -> !qr.findElements(By.cssSelector("svg path, svg rect"))
                            .isEmpty());
            assertTrue(
                    Integer.parseInt(qr.getAttribute("data-qr-modules")) >= 21,
                    "a QR code has 21 modules a side or more");
            assertFalse(qr.getAttribute("data-qr").contains(secret));

            TerminalSigner registered = new TerminalSigner(terminalId, secret);
            assertEquals(
                    200, api.signed(registered, "GET", "api/v1/terminal", null).statusCode());

            // Shown once: opened again, the page has no secret.
            openTerminals(browser);
            assertTrue(browser.driver().findElements(By.id("revealed-secret")).isEmpty());

            search(browser, terminalId);
            assertEquals(
                    "1–1 of 1",
                    browser.driver().findElement(By.id("list:showing")).getText());
            ConsolePages.submit(browser, By.id("list:terminals:0:rotate"));
            String rotated = revealedSecret(browser);
            assertNotEquals(secret, rotated);
            assertEquals(
                    401, api.signed(registered, "GET", "api/v1/terminal", null).statusCode());
            assertEquals(
                    200,
                    api.signed(new TerminalSigner(terminalId, rotated), "GET", "api/v1/terminal", null)
                            .statusCode());

            search(browser, terminalId);
            ConsolePages.submit(browser, By.id("list:terminals:0:disable"));
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "enable-button")
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("list:terminals:0:enable")));
            assertFalse(TestTerminals.show(api, terminalId).getBoolean("enabled"));

            // The QR code's address opens the terminal page with the id filled in, waiting for the secret.
            browser.driver().get(terminalPage);
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "terminal-sign-in")
                    .until(driver -> terminalId.equals(
                            driver.findElement(By.id("terminal-id")).getAttribute("value")));
            assertEquals(
                    "", browser.driver().findElement(By.id("terminal-secret")).getAttribute("value"));
        }
    }

    @Test
    void anAdminEditsTheScheduleAndAutoAnswerBesideWhichBadInputIsNamed() {
        TerminalSigner terminal = TestTerminals.register(api);
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            openTerminals(browser);
            search(browser, terminal.terminalId());
            ConsolePages.submit(browser, By.id("list:terminals:0:edit"));
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "edit-form")
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("edit:schedule")));

            ConsolePages.type(browser, "edit:schedule", "SOMEDAY 14:00-17:00");
            ConsolePages.submit(browser, By.id("edit:save"));
            String error = ConsolePages.messageBeside(browser, "edit:schedule");
            assertTrue(error.contains("schedule line 1"), error);
            assertEquals(
                    0,
                    TestTerminals.show(api, terminal.terminalId())
                            .getJsonObject("schedule")
                            .getJsonArray("windows")
                            .size());

            ConsolePages.type(browser, "edit:schedule", "SUNDAY 14:00-17:00\n2026-12-01..2026-12-31");
            ConsolePages.type(browser, "edit:autoAnswerSeconds", "3");
            ConsolePages.submit(browser, By.id("edit:save"));
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "saved")
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit:save")));
            var shown = TestTerminals.show(api, terminal.terminalId());
            assertEquals(3, shown.getInt("autoAnswerSeconds"));
            assertEquals(
                    "SUNDAY",
                    shown.getJsonObject("schedule")
                            .getJsonArray("windows")
                            .getJsonObject(0)
                            .getString("day"));
            assertEquals(
                    "2026-12-31",
                    shown.getJsonObject("schedule")
                            .getJsonArray("dateRanges")
                            .getJsonObject(0)
                            .getString("to"));
        }
    }

    @Test
    void searchFindsTerminalsAmongManyAndPagesThroughThem() {
        String prefix = "S" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 45; i++) {
            HttpResponse<String> registered = api.postJson(
                    "api/v1/admin/terminals",
                    "{\"terminalId\":\"" + prefix + String.format("%02d", i) + "\",\"displayName\":\"Seat " + i + "\"}",
                    KeycloakServer.adminAuthorization());
            assertEquals(201, registered.statusCode(), registered.body());
        }
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            openTerminals(browser);

            search(browser, prefix.toUpperCase());
            assertEquals("1–20 of 45", showing(browser));
            assertEquals(prefix + "00", cell(browser, 0));
            page(browser, "list:next", "21–40 of 45");
            assertEquals(prefix + "20", cell(browser, 0));
            page(browser, "list:next", "41–45 of 45");
            assertEquals(prefix + "44", cell(browser, 4));
            assertEquals(
                    "true", browser.driver().findElement(By.id("list:next")).getAttribute("disabled"));
            page(browser, "list:previous", "21–40 of 45");

            search(browser, prefix + "17");
            assertEquals("1–1 of 1", showing(browser));
            assertEquals(prefix + "17", cell(browser, 0));
        }
    }

    @Test
    void aBadIdIsNamedBesideTheFieldAndNothingIsRegistered() {
        String name = "Nameless " + UUID.randomUUID();
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            openTerminals(browser);
            ConsolePages.type(browser, "register:terminalId", "bad id!");
            ConsolePages.type(browser, "register:displayName", name);
            ConsolePages.submit(browser, By.id("register:submit"));

            String error = ConsolePages.messageBeside(browser, "register:terminalId");
            assertTrue(error.contains("must be 1 to 64"), error);
            assertTrue(browser.driver().findElements(By.id("revealed-secret")).isEmpty());
            assertEquals(
                    0,
                    ApiClient.object(api.get(
                                    "api/v1/admin/terminals?q=" + name.replace(" ", "%20"),
                                    KeycloakServer.adminAuthorization()))
                            .getInt("total"));
        }
    }

    @Test
    void anOperatorSeesTheListWithoutControlsAndAForgedChangeIsRefused() {
        TerminalSigner terminal = TestTerminals.register(api);
        String forgedId = "F-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            openTerminals(browser);
            search(browser, terminal.terminalId());
            assertEquals(terminal.terminalId(), cell(browser, 0));
            assertTrue(browser.driver().findElements(By.id("register")).isEmpty(), "no registration form");
            assertTrue(
                    browser.driver()
                            .findElements(By.id("list:terminals:0:rotate"))
                            .isEmpty(),
                    "no rotate button");
            assertTrue(
                    browser.driver()
                            .findElements(By.id("list:terminals:0:disable"))
                            .isEmpty(),
                    "no disable button");

            // Forged postbacks with the operator's own session and view state.
            assertEquals(403, forgedPost(browser, "list", "list:terminals:0:rotate", "Rotate secret"));
            assertEquals(
                    403,
                    forgedPost(
                            browser,
                            "register",
                            "register:submit",
                            "Register",
                            "register:terminalId",
                            forgedId,
                            "register:displayName",
                            "Forged"));

            assertEquals(
                    200, api.signed(terminal, "GET", "api/v1/terminal", null).statusCode(), "secret unchanged");
            assertEquals(
                    404,
                    api.get("api/v1/admin/terminals/" + forgedId, KeycloakServer.adminAuthorization())
                            .statusCode());
        }
    }

    /** Posts the form as a forger would, with the view state of the page, and answers the status. */
    private static long forgedPost(Browser browser, String form, String... fields) {
        return (Long) browser.script(
                "const body = new URLSearchParams();"
                        + "body.append(arguments[0], arguments[0]);"
                        + "for (let i = 0; i < arguments[1].length; i += 2) body.append(arguments[1][i], arguments[1][i + 1]);"
                        + "body.append('jakarta.faces.ViewState',"
                        + " document.querySelector('input[name=\"jakarta.faces.ViewState\"]').value);"
                        + "const request = new XMLHttpRequest();"
                        + "request.open('POST', location.pathname, false);"
                        + "request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');"
                        + "request.send(body.toString());"
                        + "return request.status;",
                form,
                java.util.List.of(fields));
    }

    private static void openTerminals(Browser browser) {
        browser.driver()
                .get(ApiClient.baseUri().resolve("console/terminals.xhtml").toString());
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "terminals-page")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("list:showing")));
    }

    private static String revealedSecret(Browser browser) {
        return browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "revealed-secret")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("revealed-secret")))
                .getText();
    }

    /** Searches and waits for the list to show the search's first page. */
    private static void search(Browser browser, String text) {
        WebElement before = browser.driver().findElement(By.id("list:showing"));
        ConsolePages.type(browser, "search:q", text);
        browser.driver().findElement(By.id("search:find")).click();
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "search").until(ExpectedConditions.stalenessOf(before));
    }

    private static void page(Browser browser, String button, String expected) {
        browser.driver().findElement(By.id(button)).click();
        browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "page")
                .until(ExpectedConditions.textToBe(By.id("list:showing"), expected));
    }

    private static String showing(Browser browser) {
        return browser.driver().findElement(By.id("list:showing")).getText();
    }

    private static String cell(Browser browser, int row) {
        return browser.driver()
                .findElements(By.cssSelector("#list\\:terminals .terminal-id"))
                .get(row)
                .getText();
    }
}

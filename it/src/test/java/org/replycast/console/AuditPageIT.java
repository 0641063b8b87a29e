package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/** The audit log names who did what in the console, filtered by kind and day; it is for admins alone. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class AuditPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anAdminSeesWhichOperatorCreatedAChannel() {
        String channelId = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser operator = new Browser();
                Browser admin = new Browser()) {
            ConsoleSignIn.as(operator, "operator");
            ConsolePages.open(operator, "channels");
            ConsolePages.fillNewChannel(operator, channelId, "Audited hall");
            ConsolePages.submit(operator, By.id("channel:save"));
            ConsolePages.awaitText(
                    operator, ConsolePages.ofChannel(channelId, ":status"), "STOPPED", ConsolePages.REFRESHED);

            ConsoleSignIn.as(admin, "admin");
            ConsolePages.open(admin, "audit");
            show(admin, "ADMINISTRATION");
            List<String> rows = rowsAbout(admin, channelId);
            assertEquals(1, rows.size(), rows.toString());
            assertTrue(rows.get(0).contains("channel-created") && rows.get(0).contains("operator"), rows.get(0));
            admin.screenshot("console-audit");

            show(admin, "CALL");
            assertTrue(rowsAbout(admin, channelId).isEmpty());
        } finally {
            TestChannels.remove(api, channelId);
        }
    }

    @Test
    void anOperatorIsRefusedTheAuditLog() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            ConsolePages.openRefused(browser, "audit");
            assertTrue(browser.driver().findElements(By.id("filter:kind")).isEmpty());
        }
    }

    /** Today's records of the kind (UTC days, as the page counts them). */
    private static void show(Browser browser, String kind) {
        new Select(browser.driver().findElement(By.id("filter:kind"))).selectByValue(kind);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // A date input takes typed digits in the browser's locale order; its value is always yyyy-MM-dd.
        browser.script(
                "document.getElementById('filter:from').value = arguments[0];"
                        + " document.getElementById('filter:until').value = arguments[0];",
                today);
        ConsolePages.submit(browser, By.id("filter:apply"));
    }

    private static List<String> rowsAbout(Browser browser, String channelId) {
        return browser.driver().findElements(By.cssSelector("#audit\\:records tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> text.contains(channelId))
                .toList();
    }
}

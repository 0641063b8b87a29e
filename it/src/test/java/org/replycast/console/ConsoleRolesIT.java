package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TestChannels;

/**
 * What each role sees of the console and what it may not do: the navigation shows only what the role may
 * open, the pages of others are refused with 403, and a forged request for an admin-only action changes
 * nothing.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ConsoleRolesIT {

    private static final List<String> PAGES =
            List.of("nav-dashboard", "nav-channels", "nav-terminals", "nav-calls", "nav-messages", "nav-audit");

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anAdminIsOfferedEveryPage() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            assertEquals(PAGES, navigation(browser));
        }
    }

    @Test
    void anOperatorIsOfferedTheOperationsPagesAndRefusedTheAuditLog() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            assertEquals(List.of("nav-dashboard", "nav-channels", "nav-terminals", "nav-calls"), navigation(browser));
            ConsolePages.openRefused(browser, "audit");
        }
    }

    @Test
    void aModeratorIsRefusedChannelsAndCalls() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.submit(browser, "moderator", "moderator");
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT).until(driver -> driver.getCurrentUrl()
                    .startsWith(ApiClient.baseUri().toString()));
            // The front page sends a moderator on to the moderation queue.
            assertTrue(
                    browser.driver().getCurrentUrl().endsWith("/console/messages.xhtml"),
                    browser.driver().getCurrentUrl());

            ConsolePages.openRefused(browser, "channels");
            ConsolePages.openRefused(browser, "calls");
            assertTrue(browser.driver().findElements(By.id("list:new")).isEmpty());
        }
    }

    /**
     * The forged request: an operator's browser posts the Channels form with its view state and the id of the
     * admin-only "New forwarding secret" button of a row, which the page did not render for the operator.
     * Faces runs no action of a component it did not render for the person asking, and {@code @Permitted}
     * stands behind it; the secret is not renewed, nothing is audited. The same browser posting to the
     * admin-only audit page gets 403.
     */
    @Test
    void anOperatorsForgedAdminActionsChangeNothing() {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false");
        try {
            try (Browser browser = new Browser()) {
                ConsoleSignIn.as(browser, "operator");
                ConsolePages.open(browser, "channels");
                String forgedCommand = ConsolePages.idOf(browser, ConsolePages.ofChannel(channelId, ":edit"))
                        .replace(":edit", ":renew-secret");
                assertTrue(browser.driver().findElements(By.id(forgedCommand)).isEmpty());

                String answer = postWithCommand(browser, forgedCommand);

                assertFalse(answer.contains("new forwarding secret of"), answer);
                assertTrue(forwardSecretRenewals(channelId).isEmpty());

                Object auditStatus = browser.script("const form = document.getElementById('list');"
                        + " const data = new URLSearchParams(new FormData(form));"
                        + " data.append('filter:apply', 'Show');"
                        + " return fetch(form.action.replace('channels.xhtml', 'audit.xhtml'),"
                        + " {method: 'POST', body: data, credentials: 'same-origin'}).then(r => r.status);");
                assertEquals(403L, auditStatus);
            }
            // The same post from an admin, for whom the button is there, does renew: the forgery was well formed.
            try (Browser browser = new Browser()) {
                ConsoleSignIn.as(browser, "admin");
                ConsolePages.open(browser, "channels");
                String renewId = ConsolePages.idOf(browser, ConsolePages.ofChannel(channelId, ":renew-secret"));

                assertTrue(postWithCommand(browser, renewId).contains("new forwarding secret of"));
                assertEquals(
                        List.of("admin"),
                        forwardSecretRenewals(channelId).stream()
                                .map(record -> record.getString("actor"))
                                .toList());
            }
        } finally {
            TestChannels.remove(api, channelId);
        }
    }

    /** Posts the Channels page's list form, view state included, as if the command had been clicked. */
    private static String postWithCommand(Browser browser, String commandId) {
        return (String) browser.script(
                "const form = document.getElementById('list');"
                        + " const data = new URLSearchParams(new FormData(form));"
                        + " data.append(arguments[0], 'New forwarding secret');"
                        + " return fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                        + " .then(r => r.text().then(body => r.status + ' ' + body));",
                commandId);
    }

    /** The console navigation's entries, in order (a page not deployed yet is an entry without a link). */
    private static List<String> navigation(Browser browser) {
        return browser.driver().findElements(By.cssSelector("nav[aria-label='Console'] li > [id]")).stream()
                .map(link -> link.getAttribute("id"))
                .toList();
    }

    private List<JsonObject> forwardSecretRenewals(String channelId) {
        return ApiClient.object(api.get("api/v1/admin/audit?limit=200", KeycloakServer.adminAuthorization()))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(record -> "channel-forward-secret".equals(record.getString("code"))
                        && channelId.equals(record.getString("detail", null)))
                .toList();
    }
}

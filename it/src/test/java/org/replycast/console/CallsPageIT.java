package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsolePages;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestTerminals;

/** The console's Calls page lists a terminal's connected call, and an operator ends it. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class CallsPageIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anOperatorEndsAConnectedCall() {
        String channelId = TestChannels.create(api, "\"captureEnabled\":false");
        try (Browser browser = new Browser()) {
            TerminalSigner terminal = TestTerminals.register(api);
            HttpResponse<String> started =
                    api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
            assertEquals(201, started.statusCode(), started.body());
            String callId = ApiClient.object(started).getString("callId");

            ConsoleSignIn.as(browser, "operator");
            ConsolePages.open(browser, "calls");
            ConsolePages.awaitText(
                    browser, ConsolePages.marked("call", callId, "state"), "CONNECTED", ConsolePages.REFRESHED);
            String row = browser.driver()
                    .findElement(ConsolePages.marked("call", callId, ":end"))
                    .findElement(org.openqa.selenium.By.xpath("ancestor::tr"))
                    .getText();
            assertTrue(row.contains(channelId) && row.contains(terminal.terminalId()), row);
            browser.screenshot("console-calls");

            ConsolePages.submit(browser, ConsolePages.marked("call", callId, ":end"));

            assertTrue(ConsolePages.pageMessages(browser).contains("ended"));
            assertTrue(browser.driver()
                    .findElements(ConsolePages.marked("call", callId, ":end"))
                    .isEmpty());
            JsonObject ended = ApiClient.object(api.signed(terminal, "GET", "api/v1/calls/" + callId, null));
            assertEquals("RELEASED", ended.getString("state"));
            JsonObject audited = ApiClient.object(api.get(
                            "api/v1/admin/audit?terminalId=" + terminal.terminalId(),
                            KeycloakServer.adminAuthorization()))
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(record -> callId.equals(record.getString("callId", null))
                            && "RELEASED".equals(record.getString("code")))
                    .findFirst()
                    .orElseThrow();
            assertEquals("operator", audited.getString("actor"));
        } finally {
            TestChannels.remove(api, channelId);
        }
    }
}

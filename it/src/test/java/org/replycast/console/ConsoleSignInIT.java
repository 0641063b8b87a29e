package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;

/** A person opens the console in a real browser and signs in through Keycloak's own login form. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ConsoleSignInIT {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    private static void signIn(Browser browser, String user, String password) {
        browser.driver().get(ApiClient.baseUri().resolve("console/").toString());
        browser.waitUpTo(PAGE_TIMEOUT, "keycloak-login-form")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(
                browser.driver()
                        .getCurrentUrl()
                        .startsWith(KeycloakServer.realmUri().toString()),
                "sent to the Keycloak login form: " + browser.driver().getCurrentUrl());
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    @Test
    void anAdminSignsInAndIsGreetedByName() {
        try (Browser browser = new Browser()) {
            signIn(browser, "admin", "admin");

            browser.waitUpTo(PAGE_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            browser.screenshot("console-signed-in-admin");
            assertEquals(
                    "Welcome, admin.",
                    browser.driver().findElement(By.id("greeting")).getText());
            assertTrue(browser.driver().getPageSource().contains("admin"));
        }
    }

    @Test
    void aUserWithoutARoleIsForbidden() {
        try (Browser browser = new Browser()) {
            signIn(browser, "guest", "guest");

            browser.waitUpTo(PAGE_TIMEOUT).until(driver -> driver.getCurrentUrl()
                    .startsWith(ApiClient.baseUri().toString()));
            browser.screenshot("console-guest-forbidden");
            assertTrue(browser.driver().findElements(By.id("greeting")).isEmpty());
            assertTrue(
                    browser.driver().getPageSource().contains("no role that allows this"),
                    browser.driver().getPageSource());
        }
    }
}

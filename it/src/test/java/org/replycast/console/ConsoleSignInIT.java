package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.ConsoleSignIn;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;

/** A person opens the console in a real browser and signs in through Keycloak's own login form. */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class ConsoleSignInIT {

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    @Test
    void anAdminSignsInAndIsGreetedByName() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "admin");
            browser.screenshot("console-signed-in-admin");
            assertEquals(
                    "Welcome, admin.",
                    browser.driver().findElement(By.id("greeting")).getText());
            assertTrue(browser.driver().getPageSource().contains("admin"));
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.as(browser, "operator");
            assertEquals(
                    "operator", browser.driver().findElement(By.id("roles")).getText());

            browser.driver().findElement(By.id("account:sign-out")).click();

            // Back at the console's door, Keycloak asks again: its session ended, not only the console's.
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT, "keycloak-login-form-again")
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.driver().get(ApiClient.baseUri().resolve("console/").toString());
            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT)
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertTrue(browser.driver().findElements(By.id("greeting")).isEmpty());
        }
    }

    @Test
    void aUserWithoutARoleIsForbidden() {
        try (Browser browser = new Browser()) {
            ConsoleSignIn.submit(browser, "guest", "guest");

            browser.waitUpTo(ConsoleSignIn.PAGE_TIMEOUT).until(driver -> driver.getCurrentUrl()
                    .startsWith(ApiClient.baseUri().toString()));
            browser.screenshot("console-guest-forbidden");
            assertTrue(browser.driver().findElements(By.id("greeting")).isEmpty());
            assertTrue(
                    browser.driver().getPageSource().contains("no role that allows this"),
                    browser.driver().getPageSource());
        }
    }
}

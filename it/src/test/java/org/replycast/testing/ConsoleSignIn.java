package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signs a person in to the console through Keycloak's own login form, as they would by hand. */
public final class ConsoleSignIn {

    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private ConsoleSignIn() {}

    /** Opens the console, fills Keycloak's form, and returns once the form was sent (not once signed in). */
    public static void submit(Browser browser, String user, String password) {
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

    /**
     * Signs in one of the realm's people, whose password is their name ({@code admin}, {@code operator},
     * {@code moderator}), and waits for the console's header.
     */
    public static void as(Browser browser, String user) {
        submit(browser, user, user);
        browser.waitUpTo(PAGE_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
    }
}

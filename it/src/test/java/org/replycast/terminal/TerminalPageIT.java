package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.replycast.testing.ApiClient;
import org.replycast.testing.Browser;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.ReplycastEar;
import org.replycast.testing.TerminalPage;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestChannels;
import org.replycast.testing.TestTerminals;

/**
 * A person uses the terminal page {@code /terminal/} in a real browser: signs the terminal in (every request
 * signed by the page's WebCrypto code and verified by the server), calls, rings, answers, watches with hls.js
 * and ends calls, on a desktop and on a phone's screen.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class TerminalPageIT {

    /** Below the suite's ring timeout (8 s, arquillian.xml), so the call still rings when the page shows it. */
    private static final Duration RING_DEADLINE = Duration.ofSeconds(6);

    private final ApiClient api = new ApiClient();
    private final List<String> channels = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive replycast() {
        return ReplycastEar.asBuilt();
    }

    /** A new captured channel with the given name, removed after the test so its ffmpeg stops. */
    private String channel(String name) {
        String channelId = TestChannels.create(api, "");
        channels.add(channelId);
        HttpResponse<String> named = TestChannels.patch(api, channelId, "{\"name\":\"" + name + "\"}");
        assertEquals(200, named.statusCode(), named.body());
        return channelId;
    }

    @AfterEach
    void removeChannels() {
        channels.forEach(channelId -> TestChannels.remove(api, channelId));
    }

    @Test
    void aWrongSecretIsRefusedClearlyAndTheRightOneStaysSignedInAcrossReloadsUntilForgotten() {
        TerminalSigner terminal = TestTerminals.register(api);
        try (Browser browser = new Browser()) {
            TerminalPage page = new TerminalPage(browser, "sign-in").open();

            page.submitSignIn(terminal.terminalId(), randomSecret());
            String refusal = page.signInError();
            page.screenshot("wrong-secret");
            assertTrue(refusal.contains("The terminal id or the secret is wrong"), refusal);
            assertTrue(page.showsSignInForm());

            page.submitSignIn(terminal.terminalId(), terminal.secret());
            page.awaitSignedIn(terminal.terminalId());
            page.reload();
            page.awaitSignedIn(terminal.terminalId());
            page.screenshot("signed-in-after-reload");

            page.forget();
            assertTrue(page.showsSignInForm());
            page.reload();
            page.submitSignIn(terminal.terminalId(), terminal.secret());
            page.awaitSignedIn(terminal.terminalId());
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aDeviceWhoseClockIsTwoMinutesSlowSignsInWithTheServersTimeAndSaysSo() {
        TerminalSigner terminal = TestTerminals.register(api);
        try (Browser browser = new Browser()) {
            browser.beforeEveryPage("const deviceNow = Date.now; Date.now = () => deviceNow() - 120000;");
            TerminalPage page = new TerminalPage(browser, "slow-clock").open();

            page.signIn(terminal);

            String note = page.text("clock-note");
            assertTrue(note.matches("This device’s clock is 1(19|20|21) s behind the server’s.*"), note);
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aCallToItselfPlaysLiveWithItsLatencyShownUntilItIsEnded() {
        TerminalSigner terminal = TestTerminals.register(api);
        String channelId = channel("Sports ground");
        try (Browser browser = new Browser()) {
            TerminalPage page = new TerminalPage(browser, "self-call").open();
            page.signIn(terminal);

            String callId = page.startCall(channelId, null);
            page.awaitCallState(callId, "CONNECTED");
            page.awaitPlayedFor(Duration.ofSeconds(3));
            long latency = page.latencyMillis();
            page.screenshot("playing");
            assertTrue(latency > 0 && latency < 20_000, "latency " + latency + " ms");

            page.endCall(callId);
            page.awaitCallState(callId, "RELEASED");
            assertFalse(page.showsLatency());
            assertEquals(List.of(), page.trouble());
        }
    }

    @Test
    void aTerminalCallsAnotherWhosePageRingsAnswersAndPlays() {
        TerminalSigner caller = TestTerminals.register(api);
        TerminalSigner callee = TestTerminals.register(api);
        String channelId = channel("Wedding hall");
        try (Browser callerBrowser = new Browser();
                Browser calleeBrowser = new Browser()) {
            TerminalPage callerPage = new TerminalPage(callerBrowser, "caller").open();
            TerminalPage calleePage = new TerminalPage(calleeBrowser, "callee").open();
            callerPage.signIn(caller);
            calleePage.signIn(callee);

            String callId = callerPage.startCall(channelId, callee.terminalId());
            callerPage.awaitCallState(callId, "RINGING");
            calleePage.answerWhenRinging(RING_DEADLINE);

            calleePage.awaitCallState(callId, "CONNECTED");
            callerPage.awaitCallState(callId, "CONNECTED");
            calleePage.awaitPlayedFor(Duration.ofSeconds(3));
            calleePage.screenshot("answered-playing");
            callerPage.screenshot("connected");
            assertEquals(List.of(), callerPage.trouble());
            assertEquals(List.of(), calleePage.trouble());
        }
    }

    @Test
    void onAPhonesScreenNothingScrollsSideways() {
        TerminalSigner terminal = TestTerminals.register(api);
        String channelId = channel("Care home garden room with a rather long name");
        try (Browser browser = Browser.phone(390, 844)) {
            TerminalPage page = new TerminalPage(browser, "phone").open();
            page.submitSignIn(terminal.terminalId(), randomSecret());
            page.signInError();
            assertEquals(0, page.horizontalOverflow(), "sign-in with an error");

            page.signIn(terminal);
            String callId = page.startCall(channelId, null);
            page.awaitCallState(callId, "CONNECTED");
            page.screenshot("call");
            assertEquals(0, page.horizontalOverflow(), "signed in, with a call");
        }
    }

    /** A well-formed secret that is not the terminal's. */
    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}

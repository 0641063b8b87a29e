package org.replycast.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature header is the documented HMAC-SHA256 of "time.body", keyed with the secret's text. */
class WebhookSignatureTest {

    private static final String SECRET = "q3JrY2FzdC13ZWJob29rLXNlY3JldC1mb3ItdGVzdHM";
    private static final byte[] BODY = "{\"event\":\"message.stored\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerIsTimeAndHexOfTheHmacOfTimeDotBody() {
        // Computed independently: printf '1767225600.{"event":"message.stored"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertEquals(
                "t=1767225600,v1=d0d23ac64f1255e816759512f24fad7b22ab32de82bb58c0856512891ccba090",
                WebhookSignature.header(SECRET, 1767225600L, BODY));
    }

    @Test
    void anotherTimeOrBodyGivesAnotherSignature() {
        String signed = WebhookSignature.header(SECRET, 1767225600L, BODY);

        assertNotEquals(
                signed.substring(signed.indexOf(",")),
                WebhookSignature.header(SECRET, 1767225601L, BODY).substring(signed.indexOf(",")));
        assertNotEquals(signed, WebhookSignature.header(SECRET, 1767225600L, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}

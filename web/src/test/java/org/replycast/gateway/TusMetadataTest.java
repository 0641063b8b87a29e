package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TusMetadataTest {

    @Test
    void pairsAreDecodedFromBase64AndAValueMayBeLeftOut() {
        TusMetadata metadata = TusMetadata.parse("filetype " + base64("video/webm") + ", title "
                + base64("Félicitations à vous deux") + ",is-confidential");

        assertEquals(
                Map.of("filetype", "video/webm", "title", "Félicitations à vous deux", "is-confidential", ""),
                metadata.values());
    }

    @Test
    void theFirstNamedKeyWithAValueWins() {
        TusMetadata metadata =
                TusMetadata.parse("filename " + base64("reply.webm") + ",contentType ,filetype " + base64("audio/ogg"));

        assertEquals(Optional.of("audio/ogg"), metadata.first("contentType", "filetype"));
        assertEquals(Optional.empty(), metadata.first("title"));
    }

    @Test
    void noHeaderIsNoMetadata() {
        assertTrue(TusMetadata.parse(null).values().isEmpty());
        assertTrue(TusMetadata.parse(" ").values().isEmpty());
    }

    @Test
    void malformedHeadersAreRefusedWithTheReason() {
        assertRefused("pairs of a key and a Base64 value", "title " + base64("a") + " extra");
        assertRefused("names title twice", "title " + base64("a") + ",title " + base64("b"));
        assertRefused("not Base64 of UTF-8 text", "title not*base64");
        assertRefused(
                "not Base64 of UTF-8 text", "title " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3}));
        assertRefused("pairs of a key and a Base64 value", "ti\u00e9tle " + base64("a"));
        assertRefused("pairs of a key and a Base64 value", "title " + base64("a") + ",");
    }

    private static void assertRefused(String reason, String header) {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> TusMetadata.parse(header), header);
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

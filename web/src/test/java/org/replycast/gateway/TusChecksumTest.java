package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TusChecksumTest {

    private static final byte[] BODY = "a segment of a reply".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSha1OrSha256DigestOfTheBodyMatches() throws Exception {
        for (String[] algorithm : new String[][] {{"sha1", "SHA-1"}, {"SHA256", "SHA-256"}}) {
            String digest = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance(algorithm[1]).digest(BODY));
            TusChecksum checksum = TusChecksum.parse(algorithm[0] + " " + digest);

            MessageDigest fed = checksum.newDigest();
            fed.update(BODY, 0, 5);
            fed.update(BODY, 5, BODY.length - 5);
            assertTrue(checksum.matches(fed), algorithm[0]);
        }
    }

    @Test
    void aDigestOfOtherBytesDoesNotMatch() throws Exception {
        String digest = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(BODY));
        TusChecksum checksum = TusChecksum.parse("sha1 " + digest);

        MessageDigest fed = checksum.newDigest();
        fed.update(BODY, 1, BODY.length - 1);
        assertFalse(checksum.matches(fed));
    }

    @Test
    void unknownAlgorithmsAndMalformedDigestsAreRefused() {
        assertRefused(
                "md5 is not supported; use one of sha1,sha256",
                "md5 " + Base64.getEncoder().encodeToString(new byte[16]));
        assertRefused("not Base64", "sha1 ***");
        assertRefused(
                "not as long as a sha256 digest",
                "sha256 " + Base64.getEncoder().encodeToString(new byte[20]));
        assertRefused("an algorithm and a Base64 digest", "sha1");
    }

    private static void assertRefused(String reason, String header) {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> TusChecksum.parse(header), header);
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
        assertEquals(IllegalArgumentException.class, refusal.getClass());
    }
}

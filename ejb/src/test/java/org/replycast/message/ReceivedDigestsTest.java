package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceivedDigestsTest {

    private static final byte[] BYTES = "the bytes of a reply, in three segments".getBytes(StandardCharsets.UTF_8);

    private final ReceivedDigests digests = new ReceivedDigests();

    @Test
    void theDigestOfSegmentsAppendedInOrderIsTheWholesDigest() throws Exception {
        digests.appended("m-1", 0, BYTES, 0, 10);
        digests.appended("m-1", 10, BYTES, 10, 10);
        digests.appended("m-1", 20, BYTES, 20, BYTES.length - 20);

        assertEquals(Optional.of(sha256(BYTES)), digests.take("m-1", BYTES.length));
        assertEquals(Optional.empty(), digests.take("m-1", BYTES.length), "taken once");
    }

    @Test
    void aSegmentAtAnotherOffsetDropsTheDigest() {
        digests.appended("m-1", 0, BYTES, 0, 10);
        // A step whose transaction did not commit counted 10 more; its redelivery appends at 10 again.
        digests.appended("m-1", 10, BYTES, 10, 10);
        digests.appended("m-1", 10, BYTES, 10, BYTES.length - 10);

        assertEquals(Optional.empty(), digests.take("m-1", BYTES.length));
    }

    @Test
    void aDigestOfFewerBytesThanTheLengthIsNotUsed() {
        digests.appended("m-1", 0, BYTES, 0, 10);

        assertEquals(Optional.empty(), digests.take("m-1", BYTES.length));
    }

    @Test
    void aReplyThatNoSegmentReachedHereFromTheStartHasNoDigest() {
        // After a restart, the first segment seen is not at 0.
        digests.appended("m-1", 10, BYTES, 10, BYTES.length - 10);

        assertEquals(Optional.empty(), digests.take("m-1", BYTES.length));
    }

    @Test
    void aForgottenDigestIsGone() {
        digests.appended("m-1", 0, BYTES, 0, BYTES.length);
        digests.forget("m-1");

        assertEquals(Optional.empty(), digests.take("m-1", BYTES.length));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the gateways' uplink puts on the queue, and what it refuses, without a container. */
class UplinkServiceTest {

    private final List<String> sent = new ArrayList<>();
    private final UplinkService uplinks = new UplinkService();

    UplinkServiceTest() {
        uplinks.publisher = new UplinkSegmentPublisher() {
            @Override
            public void segment(String messageId, long offset, byte[] buffer, int from, int length) {
                sent.add("segment " + offset + "+" + length);
            }

            @Override
            public void end(String messageId, long length, String sha256) {
                sent.add("end " + length + " " + sha256);
            }

            @Override
            public void abort(String messageId, MessageRejection rejection, String reason) {
                sent.add("abort " + rejection);
            }
        };
    }

    @Test
    void aStreamGoesOnTheQueueInSegmentsOfAtMostOneMebibyte() throws Exception {
        Uplink uplink = new Uplink("m-1", 10L << 20, null, 0);
        byte[] bytes = new byte[(2 << 20) + 5];

        long offset = uplinks.append(uplink, 100, new ByteArrayInputStream(bytes));

        assertEquals(100 + bytes.length, offset);
        assertEquals(List.of("segment 100+1048576", "segment 1048676+1048576", "segment 2097252+5"), sent);
    }

    @Test
    void aSegmentBeyondTheChannelsMaximumDropsTheMessage() {
        Uplink uplink = new Uplink("m-1", 1000, null, 0);
        assertEquals(600, uplinks.append(uplink, 0, new byte[600], 0, 600));

        UplinkRefusal refusal =
                assertThrows(UplinkRefusal.class, () -> uplinks.append(uplink, 600, new byte[600], 0, 600));

        assertEquals("message-too-large", refusal.code());
        assertEquals(List.of("segment 0+600", "abort TOO_LARGE"), sent);
    }

    @Test
    void aSegmentBeyondTheDeclaredLengthDropsTheMessage() {
        Uplink uplink = new Uplink("m-1", 1000, 500L, 0);

        UplinkRefusal refusal =
                assertThrows(UplinkRefusal.class, () -> uplinks.append(uplink, 0, new byte[600], 0, 600));

        assertEquals("message-too-large", refusal.code());
        assertEquals(List.of("abort TOO_LARGE"), sent);
    }

    @Test
    void theEndNamesTheChecksumInLowerCaseAndRefusesAMalformedOne() {
        Uplink uplink = new Uplink("m-1", 1000, null, 0);
        String sha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

        uplinks.end(uplink, 10, sha256);
        assertEquals(List.of("end 10 " + sha256.toLowerCase()), sent);

        assertEquals(
                "invalid",
                assertThrows(UplinkRefusal.class, () -> uplinks.end(uplink, 10, "abc"))
                        .code());
        assertEquals(1, sent.size());
    }
}

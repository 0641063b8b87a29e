package org.replycast.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** The body of a call start is read strictly: what is not the protocol's shape is refused as invalid. */
class CallRequestTest {

    private static CallRequest parse(String body) {
        return CallRequest.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String body) {
        ProblemException refused = assertThrows(ProblemException.class, () -> parse(body));
        assertEquals(ProblemType.INVALID, refused.type());
        return refused.detail();
    }

    @Test
    void aChannelAndADestinationAreRead() {
        CallRequest request = parse("{\"channelId\": \"hall-1\", \"destinationTerminalId\": \"T-2\"}");

        assertEquals(new CallRequest("hall-1", "T-2"), request);
    }

    @Test
    void theDestinationIsOptionalAndMayBeNull() {
        assertNull(parse("{\"channelId\": \"hall-1\"}").destinationTerminalId());
        assertNull(parse("{\"channelId\": \"hall-1\", \"destinationTerminalId\": null}")
                .destinationTerminalId());
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String detail = refusal("{\"channelId\": \"hall-1\", \"priority\": 1}");

        assertTrue(detail.contains("priority"), detail);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        refusal("channelId=hall-1");
        refusal("[\"hall-1\"]");
        refusal("\"hall-1\"");
        refusal("{\"channelId\": \"hall-1\"");
        refusal("");
    }

    @Test
    void aMissingChannelIsRefusedByName() {
        assertTrue(refusal("{}").startsWith("channelId is required"));
        assertTrue(refusal("{\"channelId\": null}").startsWith("channelId is required"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedByName() {
        assertTrue(refusal("{\"channelId\": 7}").startsWith("channelId must be a string"));
        assertTrue(refusal("{\"channelId\": \"h\", \"destinationTerminalId\": {}}")
                .startsWith("destinationTerminalId must be a string"));
    }

    @Test
    void aLongUnknownFieldNameIsShownCutShort() {
        String detail = refusal("{\"" + "x".repeat(10_000) + "\": 1, \"channelId\": \"h\"}");

        assertTrue(detail.length() < 300, detail);
    }
}

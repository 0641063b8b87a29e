package org.replycast.call;

import java.io.InputStream;
import org.replycast.api.JsonBody;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The body of {@code POST /api/v1/calls}, read strictly: a JSON object with a string {@code channelId} and
 * an optional string {@code destinationTerminalId}; any other field is refused by name rather than ignored.
 */
record CallRequest(String channelId, String destinationTerminalId) {

    /** @throws ProblemException {@code invalid}, naming the field when one is at fault */
    static CallRequest parse(InputStream body) {
        JsonBody json = JsonBody.read(body, "channelId", "destinationTerminalId");
        String channelId = json.string("channelId");
        if (channelId == null) {
            throw new ProblemException(
                    ProblemType.INVALID,
                    "channelId is required. Send {\"channelId\": \"...\", \"destinationTerminalId\": \"...\"}"
                            + " (destinationTerminalId optional).");
        }
        return new CallRequest(channelId, json.string("destinationTerminalId"));
    }
}

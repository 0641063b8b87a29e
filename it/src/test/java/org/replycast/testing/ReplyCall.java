package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/**
 * A connected call that a new terminal makes to a channel of its own, for tests of replies: the terminal that
 * sends them, the channel, and the call's {@code uplinkUrl}.
 */
public record ReplyCall(String channelId, TerminalSigner terminal, String uplinkUrl) {

    /** Creates the channel (with the extra JSON fields given), registers the terminal and connects the call. */
    public static ReplyCall open(ApiClient api, String channelFields) {
        String channelId = TestChannels.create(api, channelFields);
        TerminalSigner terminal = TestTerminals.register(api);
        HttpResponse<String> call =
                api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
        assertEquals(201, call.statusCode(), call.body());
        return new ReplyCall(channelId, terminal, ApiClient.object(call).getString("uplinkUrl"));
    }
}

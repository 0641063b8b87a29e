package org.replycast.call;

/**
 * What distribution and the gateway learn from a valid token: the connected call, its channel and the
 * destination terminal that watches and replies.
 */
public record ConnectedCall(String callId, String channelId, String terminalId) {

    static ConnectedCall of(Call call) {
        return new ConnectedCall(call.getCallId(), call.getChannelId(), call.getDestinationTerminalId());
    }
}

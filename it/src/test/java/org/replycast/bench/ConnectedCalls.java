package org.replycast.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.replycast.testing.ApiClient;
import org.replycast.testing.KeycloakServer;
import org.replycast.testing.TerminalSigner;
import org.replycast.testing.TestTerminals;

/**
 * Connected calls on a channel, as the live benchmarks' viewers and the reply benchmark's senders: one registered terminal per call, each
 * calling itself (PROTOCOL.md section 3) so that the call is connected at once and its {@code playbackUrl}
 * carries a token of its own (and its {@code uplinkUrl} a gateway of its own). Raises the channel's maximum of connected calls by as many as it opens, and on
 * {@link #close()} ends the calls, removes the terminals and puts the maximum back.
 */
final class ConnectedCalls implements AutoCloseable {

    private final ApiClient api;
    private final String channelId;
    private final int originalMaximum;
    private final List<TerminalSigner> terminals = new ArrayList<>();
    private final List<String> callIds = new ArrayList<>();
    private final List<URI> playbackUris = new ArrayList<>();
    private final List<URI> uplinkUris = new ArrayList<>();

    private ConnectedCalls(ApiClient api, String channelId, int originalMaximum) {
        this.api = api;
        this.channelId = channelId;
        this.originalMaximum = originalMaximum;
    }

    /** Opens {@code count} connected calls on the channel, saying how far it got every 50. */
    static ConnectedCalls open(ApiClient api, String channelId, int count) {
        String[] admin = KeycloakServer.adminAuthorization();
        HttpResponse<String> channel = api.get("api/v1/admin/channels/" + channelId, admin);
        if (channel.statusCode() != 200) {
            throw new IllegalStateException("the channel " + channelId + " was not found (" + channel.statusCode()
                    + "); name an existing channel with --channel");
        }
        int maximum = ApiClient.object(channel).getInt("maxConnectedCalls");
        setMaximum(api, channelId, maximum + count);
        ConnectedCalls calls = new ConnectedCalls(api, channelId, maximum);
        try {
            for (int i = 0; i < count; i++) {
                calls.connectOne();
                if ((i + 1) % 50 == 0 && i + 1 < count) {
                    Progress.say("  %d of %d calls connected", i + 1, count);
                }
            }
        } catch (RuntimeException e) {
            calls.close();
            throw e;
        }
        return calls;
    }

    private void connectOne() {
        TerminalSigner terminal = TestTerminals.register(api);
        terminals.add(terminal);
        HttpResponse<String> created =
                api.signed(terminal, "POST", "api/v1/calls", "{\"channelId\":\"" + channelId + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not open a call on channel " + channelId + ": "
                    + created.statusCode() + " " + created.body());
        }
        JsonObject call = ApiClient.object(created);
        if (!"CONNECTED".equals(call.getString("state", ""))
                || !call.containsKey("playbackUrl")
                || !call.containsKey("uplinkUrl")) {
            throw new IllegalStateException(
                    "a call to itself should be connected with a playbackUrl and an uplinkUrl: " + call);
        }
        callIds.add(call.getString("callId"));
        playbackUris.add(api.uri(call.getString("playbackUrl").replaceFirst("^/", "")));
        uplinkUris.add(api.uri(call.getString("uplinkUrl").replaceFirst("^/", "")));
    }

    /** The calls' master playlists, one per call, each with its own token. */
    List<URI> playbackUris() {
        return List.copyOf(playbackUris);
    }

    /** The calls' gateways ({@code uplinkUrl}), one per call, in the order of {@link #playbackUris()}. */
    List<URI> uplinkUris() {
        return List.copyOf(uplinkUris);
    }

    @Override
    public void close() {
        Progress.say("Ending %d calls and removing their terminals", callIds.size());
        String[] admin = KeycloakServer.adminAuthorization();
        for (int i = 0; i < terminals.size(); i++) {
            TerminalSigner terminal = terminals.get(i);
            if (i < callIds.size()) {
                int ended = api.signed(terminal, "DELETE", "api/v1/calls/" + callIds.get(i), null)
                        .statusCode();
                if (ended / 100 != 2) {
                    System.err.println("could not end call " + callIds.get(i) + ": " + ended);
                }
            }
            int removed = api.delete("api/v1/admin/terminals/" + terminal.terminalId(), admin)
                    .statusCode();
            if (removed / 100 != 2) {
                System.err.println("could not remove terminal " + terminal.terminalId() + ": " + removed);
            }
        }
        setMaximum(api, channelId, originalMaximum);
    }

    private static void setMaximum(ApiClient api, String channelId, int maximum) {
        HttpResponse<String> patched = api.send(
                "PATCH",
                "api/v1/admin/channels/" + channelId,
                "application/merge-patch+json",
                "{\"maxConnectedCalls\":" + maximum + "}",
                KeycloakServer.adminAuthorization());
        if (patched.statusCode() != 200) {
            throw new IllegalStateException("could not set the maximum of connected calls of channel " + channelId
                    + " to " + maximum + ": " + patched.statusCode() + " " + patched.body());
        }
    }
}

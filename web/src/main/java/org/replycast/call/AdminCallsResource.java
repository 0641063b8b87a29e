package org.replycast.call;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.auth.Caller;

/** {@code /api/v1/admin/calls}: calls for administrators (bearer token with the role admin). */
@Path("/v1/admin/calls")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCallsResource {

    @Inject
    CallProcessingService callProcessing;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "Calls of every terminal",
            description = "?state= one call state (without it: RINGING and CONNECTED), ?channelId= one channel."
                    + " Oldest first; no playback or uplink URLs.")
    public JsonArray list(@QueryParam("state") String state, @QueryParam("channelId") String channelId) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        callProcessing
                .listAll(CallParameters.state(state), channelId == null || channelId.isEmpty() ? null : channelId)
                .forEach(call -> array.add(CallView.of(call, null)));
        return array.build();
    }

    @GET
    @Path("/connected")
    @Operation(
            summary = "The exact number of connected calls of every channel",
            description = "[{\"channelId\": \"hall-1\", \"connectedCalls\": 3}, ...] in channel id order, counted"
                    + " as admission control counts them.")
    public JsonArray connectedCalls() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        callProcessing
                .connectedCallsByChannel()
                .forEach((channelId, count) -> array.add(
                        Json.createObjectBuilder().add("channelId", channelId).add("connectedCalls", count)));
        return array.build();
    }

    @DELETE
    @Path("/{callId}")
    @Operation(
            summary = "End a ringing or connected call: RELEASED, reason \"ended by an administrator\"",
            description = "200 with the released call; 404 not-found; 409 conflict when it has already ended.")
    public JsonObject end(@PathParam("callId") String callId) {
        return CallView.of(callProcessing.end(callId, Caller.of(security)), null);
    }
}

package org.replycast.call;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.auth.Caller;

/** {@code /api/v1/calls}: the signed terminal starts, answers, declines, reads and ends its calls. */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    CallProcessingService callProcessing;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a call",
            description = "Body {\"channelId\": \"...\", \"destinationTerminalId\": \"...\"}; no other field is"
                    + " taken (400 invalid names it). Without destinationTerminalId, or with the caller's own id"
                    + " there (the same thing), the call is to the caller itself and CONNECTED at once; to another"
                    + " terminal it is RINGING until answered, declined or missed. 201 with Location and the call."
                    + " 404 not-found (channel or destination), 409 destination-unavailable, 403"
                    + " outside-schedule, 503 capacity.")
    public Response start(InputStream body, @Context UriInfo uriInfo) {
        String caller = Caller.of(security);
        CallRequest request = CallRequest.parse(body);
        CallSnapshot call = callProcessing.start(caller, request.channelId(), request.destinationTerminalId());
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(call.callId()).build())
                .entity(CallView.of(call, caller))
                .build();
    }

    @GET
    @Operation(
            summary = "The signed terminal's calls",
            description = "With ?state=RINGING (or any call state) the calls in that state; without it the"
                    + " terminal's active calls, RINGING and CONNECTED. Oldest first.")
    public JsonArray list(@QueryParam("state") String state) {
        String caller = Caller.of(security);
        JsonArrayBuilder array = Json.createArrayBuilder();
        callProcessing.list(caller, CallParameters.state(state)).forEach(call -> array.add(CallView.of(call, caller)));
        return array.build();
    }

    @GET
    @Path("/{callId}")
    @Operation(summary = "One call, to its two parties only (404 not-found to anyone else)")
    public JsonObject show(@PathParam("callId") String callId) {
        String caller = Caller.of(security);
        return CallView.of(callProcessing.find(caller, callId), caller);
    }

    @POST
    @Path("/{callId}/answer")
    @Operation(
            summary = "The destination answers a ringing call: CONNECTED",
            description = "409 conflict when the caller is the requester or the call no longer rings; 503 capacity"
                    + " when the channel is full.")
    public JsonObject answer(@PathParam("callId") String callId) {
        String caller = Caller.of(security);
        return CallView.of(callProcessing.answer(caller, callId), caller);
    }

    @POST
    @Path("/{callId}/decline")
    @Operation(
            summary = "The destination declines a ringing call: DECLINED",
            description = "409 conflict when the caller is the requester or the call no longer rings.")
    public JsonObject decline(@PathParam("callId") String callId) {
        String caller = Caller.of(security);
        return CallView.of(callProcessing.decline(caller, callId), caller);
    }

    @DELETE
    @Path("/{callId}")
    @Operation(
            summary = "Either party ends a ringing or connected call: RELEASED",
            description = "200 with the released call (its reason names who ended it); 409 conflict when the call"
                    + " has already ended.")
    public JsonObject release(@PathParam("callId") String callId) {
        String caller = Caller.of(security);
        return CallView.of(callProcessing.release(caller, callId), caller);
    }
}

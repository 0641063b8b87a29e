package org.replycast.call;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.auth.Caller;

/** {@code /api/v1/events}: the signed terminal's stream of its own call changes (Server-Sent Events). */
@Path("/v1/events")
public class EventsResource {

    @Inject
    CallEventStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Server-Sent Events of the signed terminal's call changes",
            description = "Each change of a call in which the terminal is a party is one event named call whose"
                    + " data is the call's JSON as GET /api/v1/calls/{id} shows it to this terminal (so a"
                    + " destination learns that it is being called, and gets its URLs when connected). A comment"
                    + " line every 20 seconds keeps the connection open through proxies.")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        streams.open(Caller.of(security), sink, sse);
    }
}

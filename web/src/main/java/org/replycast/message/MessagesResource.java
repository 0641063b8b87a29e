package org.replycast.message;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.api.RangedFile;
import org.replycast.auth.Caller;

/**
 * {@code /api/v1/messages}: the signed terminal's own reply messages, their state, and the stored bytes
 * exactly as sent, with single byte ranges. Any other terminal's message is 404 {@code not-found}.
 */
@Path("/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @Inject
    MessageService messageService;

    @Inject
    MessageFiles files;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The signed terminal's own messages, oldest first")
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messageService.list(Caller.of(security)).forEach(message -> array.add(view(message)));
        return array.build();
    }

    @GET
    @Path("/{messageId}")
    @Operation(summary = "One of the signed terminal's messages (404 not-found for any other id)")
    public JsonObject show(@PathParam("messageId") String messageId) {
        return view(messageService.find(Caller.of(security), messageId));
    }

    @GET
    @Path("/{messageId}/media")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "The stored bytes of one of the signed terminal's messages, byte for byte as sent",
            description = "With its content type, an ETag of its SHA-256, and single byte ranges (206, or 416 beyond"
                    + " the end). 404 not-found for another terminal's message and while it is not stored.")
    public Response media(
            @PathParam("messageId") String messageId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        MessageService.Media media = messageService.media(Caller.of(security), messageId);
        Message message = media.message();
        String etag = "\"" + message.getSha256() + "\"";
        long length = message.getBytes();
        // A range of another version than this one is not what the client asks for: it gets the whole file.
        String selected = ifRange == null || ifRange.strip().equals(etag) ? range : null;
        return RangedFile.answer(media.file(), length, selected)
                .type(message.getContentType())
                .tag(message.getSha256())
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    private JsonObject view(Message message) {
        return MessageView.of(message, files.bytesOf(message));
    }
}

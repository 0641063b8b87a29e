package org.replycast.message;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.api.RangedFile;

/**
 * {@code /api/v1/admin/messages/{id}/playable} and {@code /thumbnail}: the display copy of a stored reply for
 * administrators (bearer token with the role admin), for the display and the console; not part of the terminal
 * protocol. 404 {@code not-found} until the media worker has made it.
 */
// The same root path as AdminMessagesResource, so that JAX-RS matches both classes' methods under it.
@Path("/v1/admin/messages")
public class MessageCopiesResource {

    @Inject
    DisplayCopyService displayCopies;

    @GET
    @Path("/{messageId}/playable")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "The playable copy of a stored message: MP4 with H.264 and AAC (audio only without video),"
                    + " fast start",
            description = "With single byte ranges (206, or 416 beyond the end). 404 not-found for an unknown"
                    + " message and until the copy is made.")
    public Response playable(@PathParam("messageId") String messageId, @HeaderParam("Range") String range) {
        return send(displayCopies.find(messageId, false), range);
    }

    @GET
    @Path("/{messageId}/thumbnail")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "The JPEG thumbnail of a stored message: a frame of its video, or the waveform of its sound",
            description = "404 not-found for an unknown message and until the copy is made.")
    public Response thumbnail(@PathParam("messageId") String messageId, @HeaderParam("Range") String range) {
        return send(displayCopies.find(messageId, true), range);
    }

    private static Response send(DisplayCopyService.Copy copy, String range) {
        long length;
        try {
            length = Files.size(copy.file());
        } catch (IOException gone) {
            throw new UncheckedIOException("the display copy " + copy.file() + " cannot be read", gone);
        }
        return RangedFile.answer(copy.file(), length, range)
                .type(copy.contentType())
                .header("Cache-Control", "private, no-cache")
                .build();
    }
}

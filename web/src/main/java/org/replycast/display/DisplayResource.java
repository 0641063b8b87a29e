package org.replycast.display;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.replycast.api.RangedFile;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * {@code /api/v1/display/{channelId}}: what a channel's display page reads, with the channel's display key
 * as its only credential ({@code ?key=}; not signed, as the terminal API is): the stream of approved
 * messages and their media. The key never reaches a log.
 */
@Path("/v1/display/{channelId}")
public class DisplayResource {

    private static final Logger LOG = Logger.getLogger(DisplayResource.class.getName());

    @Inject
    DisplayService displayService;

    @Inject
    DisplayEventStreams streams;

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Server-Sent Events of the channel's approved messages, for its display page",
            description = "Each message approved on the channel is an event named approved, with the message id as"
                    + " its id and as data {messageId, title, senderName, contentType, durationMs, approvedAt,"
                    + " media}; media is the path of its bytes below /api/v1/display/{channelId}/. An approval taken"
                    + " back is an event named withdrawn, {messageId}. A stream opened with Last-Event-ID (or ?after="
                    + " for a new EventSource) first replays what was approved after that message (at most 100)."
                    + " An event named keep-alive every 20 seconds.")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "404", description = "not-found: no such channel, or the key is wrong")
    public void events(
            @PathParam("channelId") String channelId,
            @QueryParam("key") String key,
            @QueryParam("after") String after,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        displayService.open(channelId, key);
        // The browser's own reconnection names the last event; a page that opens anew names it in the query.
        String last = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        streams.open(channelId, last, sink, sse);
        LOG.info(() ->
                "display stream opened for channel " + channelId + (last == null ? "" : " after message " + last));
    }

    @GET
    @Path("media/{messageId}")
    @Operation(
            summary = "The bytes of an approved message, as sent, for the display to play",
            description = "Single byte ranges (Range: bytes=...) are answered 206, as a video element asks.")
    @APIResponse(responseCode = "200", description = "The whole file")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "404", description = "not-found: wrong key, or no approved message of the channel")
    @APIResponse(responseCode = "416", description = "The range starts beyond the end")
    public Response media(
            @PathParam("channelId") String channelId,
            @PathParam("messageId") String messageId,
            @QueryParam("key") String key,
            @HeaderParam("Range") String range)
            throws IOException {
        DisplayMedia media = displayService.media(channelId, key, messageId);
        long length;
        try {
            length = Files.size(media.file());
        } catch (NoSuchFileException gone) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The message's media is no longer kept.");
        }
        return RangedFile.answer(media.file(), length, range)
                .type(media.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}

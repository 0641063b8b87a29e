package org.replycast.channel;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.replycast.api.JsonBody;

/**
 * {@code /api/v1/admin/channels}: channels for administrators (bearer token with the role admin). Reads
 * bodies strictly through {@link JsonBody} and leaves every rule to {@link ChannelService}.
 */
@Path("/v1/admin/channels")
@Produces(MediaType.APPLICATION_JSON)
public class AdminChannelsResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** The fields of a channel that an administrator sets; the channel id only on creation. */
    private static final String[] SETTINGS = {
        "name",
        "place",
        "timeZone",
        "source",
        "maxConnectedCalls",
        "maxCallSeconds",
        "maxMessageBytes",
        "maxMessageSeconds",
        "moderation",
        "forwardUrl",
        "captureEnabled",
        "ladder",
        "titleFilter"
    };

    private static final String[] CREATION =
            Stream.concat(Stream.of("channelId"), Arrays.stream(SETTINGS)).toArray(String[]::new);

    @Inject
    ChannelService channelService;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every channel with all its settings, in id order; removed channels left out")
    public List<AdminChannelView> list() {
        return channelService.list().stream().map(AdminChannelView::of).toList();
    }

    @GET
    @Path("/{channelId}")
    @Operation(summary = "One channel with all its settings")
    @APIResponse(
            responseCode = "200",
            description = "The channel",
            content = @Content(schema = @Schema(implementation = AdminChannelView.class)))
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such channel, or it was removed")
    public AdminChannelView show(@PathParam("channelId") String channelId) {
        return AdminChannelView.of(channelService.find(channelId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a channel",
            description = "channelId, name and timeZone are required; the others default (source test, the"
                    + " default limits, moderation AUTO, no place, no forwarding, captured with the server's default"
                    + " ladder, no title filter). titleFilter: words or phrases that keep a title from automatic"
                    + " approval. The answer has forwardSecret, which signs the channel's webhooks, only here. source: test, a file path, rtsp://, rtmp:// or srt:// URL, or"
                    + " v4l2:/dev/videoN[,alsa:DEVICE]; ladder: such as 1280x720@2500k,640x360@800k."
                    + " Unknown fields are refused.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChannelSettings.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the channel",
            content = @Content(schema = @Schema(implementation = AdminChannelView.class)))
    @APIResponse(responseCode = "400", description = "invalid: a field breaks a rule or is unknown; detail names it")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "409", description = "conflict: the channel id is taken, by a removed channel too")
    public Response create(InputStream body, @Context UriInfo uriInfo) {
        JsonBody json = JsonBody.read(body, CREATION);
        ChannelSettings settings = new ChannelSettings(
                json.string("channelId"),
                json.string("name"),
                json.string("place"),
                json.string("timeZone"),
                json.string("source"),
                json.integer("maxConnectedCalls"),
                json.integer("maxCallSeconds"),
                json.longInteger("maxMessageBytes"),
                json.integer("maxMessageSeconds"),
                json.constant("moderation", ModerationMode.class),
                json.string("forwardUrl"),
                json.bool("captureEnabled"),
                json.string("ladder"),
                json.strings("titleFilter"));
        CreatedChannel created = channelService.create(settings, actor());
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(created.channel().getChannelId())
                        .build())
                .entity(AdminChannelView.of(created.channel(), created.forwardSecret()))
                .build();
    }

    @PATCH
    @Path("/{channelId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a channel (JSON merge patch)",
            description = "Any field of the creation but channelId; fields left out stay as they are. place,"
                    + " forwardUrl and ladder null clear them (ladder back to the server's default); the other fields may not be null. Unknown fields are refused,"
                    + " and a refused patch changes nothing.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ChannelSettings.class)))
    @APIResponse(
            responseCode = "200",
            description = "The channel as changed",
            content = @Content(schema = @Schema(implementation = AdminChannelView.class)))
    @APIResponse(responseCode = "400", description = "invalid: a field breaks a rule or is unknown; detail names it")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such channel, or it was removed")
    public AdminChannelView update(@PathParam("channelId") String channelId, InputStream body) {
        JsonBody json = JsonBody.read(body, SETTINGS);
        json.refuseNull(
                "name",
                "timeZone",
                "source",
                "maxConnectedCalls",
                "maxCallSeconds",
                "maxMessageBytes",
                "maxMessageSeconds",
                "moderation",
                "captureEnabled",
                "titleFilter");
        ChannelChanges changes = new ChannelChanges(
                json.string("name"),
                json.clearable("place", json::string),
                json.string("timeZone"),
                json.string("source"),
                json.integer("maxConnectedCalls"),
                json.integer("maxCallSeconds"),
                json.longInteger("maxMessageBytes"),
                json.integer("maxMessageSeconds"),
                json.constant("moderation", ModerationMode.class),
                json.clearable("forwardUrl", json::string),
                json.bool("captureEnabled"),
                json.clearable("ladder", json::string),
                json.strings("titleFilter"));
        return AdminChannelView.of(channelService.update(channelId, changes, actor()));
    }

    @POST
    @Path("/{channelId}/forward-secret")
    @Operation(
            summary = "Issue a new forwarding secret",
            description = "The secret that signs the channel's webhooks (Replycast-Signature) from now on, retries"
                    + " of earlier webhooks included; shown only in this answer: {\"forwardSecret\": \"...\"}.")
    @APIResponse(responseCode = "200", description = "The new secret")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such channel, or it was removed")
    public JsonObject renewForwardSecret(@PathParam("channelId") String channelId) {
        return Json.createObjectBuilder()
                .add("forwardSecret", channelService.renewForwardSecret(channelId, actor()))
                .build();
    }

    @DELETE
    @Path("/{channelId}")
    @Operation(
            summary = "Remove a channel",
            description = "Stops it and ends its calls; its history stays, and its id is never handed out again"
                    + " (409 on creation).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such channel, or it was removed already")
    public Response remove(@PathParam("channelId") String channelId) {
        channelService.remove(channelId, actor());
        return Response.noContent().build();
    }

    /** The administrator's name: Keycloak's preferred_username, which the OIDC subsystem makes the principal. */
    private String actor() {
        return security.getUserPrincipal().getName();
    }
}

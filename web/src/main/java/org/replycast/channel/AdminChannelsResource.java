package org.replycast.channel;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** {@code /api/v1/admin/channels}: channels for administrators (bearer token with the role admin). */
@Path("/v1/admin/channels")
@Produces(MediaType.APPLICATION_JSON)
public class AdminChannelsResource {

    @Inject
    ChannelService channelService;

    @GET
    @Operation(summary = "Every channel with all its settings")
    public List<AdminChannelView> list() {
        return channelService.list().stream().map(AdminChannelView::of).toList();
    }

    @GET
    @Path("/{channelId}")
    @Operation(summary = "One channel with all its settings")
    public AdminChannelView show(@PathParam("channelId") String channelId) {
        return AdminChannelView.of(channelService.find(channelId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a channel; 409 conflict when the id is taken, 400 invalid naming the field")
    public Response create(ChannelSettings settings, @Context UriInfo uriInfo) {
        if (settings == null) {
            throw new ProblemException(ProblemType.INVALID, "Send the channel as a JSON object.");
        }
        Channel channel = channelService.create(settings);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(channel.getChannelId())
                        .build())
                .entity(AdminChannelView.of(channel))
                .build();
    }
}

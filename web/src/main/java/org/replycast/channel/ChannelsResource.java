package org.replycast.channel;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/channels}: the channels a terminal may call. */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    @Inject
    ChannelService channelService;

    @GET
    @Operation(summary = "The channels a terminal may call, in id order")
    public List<ChannelView> list() {
        return channelService.list().stream().map(ChannelView::of).toList();
    }
}

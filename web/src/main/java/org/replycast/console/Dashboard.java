package org.replycast.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.replycast.call.CallProcessingService;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelService;
import org.replycast.message.MessageService;

/**
 * The console's front page: each channel with its capture status, connected calls and replies today, read
 * afresh on each request (the page asks again every few seconds), beside a live thumbnail that plays the
 * channel through {@code ConsoleLiveServlet}. Moderators go straight to messages.
 */
@Named
@RequestScoped
public class Dashboard {

    /** One channel as the dashboard shows it. */
    public record ChannelOverview(Channel channel, long connectedCalls, long repliesToday) {}

    @Inject
    ExternalContext externalContext;

    @Inject
    ConsoleUser user;

    @Inject
    ChannelService channelService;

    @Inject
    CallProcessingService callProcessing;

    @Inject
    MessageService messageService;

    private List<ChannelOverview> overview;

    /** The view action of the front page. */
    public void open() throws IOException {
        if (!user.isOperating()) {
            externalContext.redirect(externalContext.getRequestContextPath() + "/console/messages.xhtml");
        }
    }

    public List<ChannelOverview> getChannels() {
        if (overview == null) {
            Map<String, Long> connected = callProcessing.connectedCallsByChannel();
            overview = channelService.list().stream()
                    .map(channel -> new ChannelOverview(
                            channel,
                            connected.getOrDefault(channel.getChannelId(), 0L),
                            messageService.countToday(channel.getChannelId(), ZoneId.of(channel.getTimeZone()))))
                    .toList();
        }
        return overview;
    }

    /** The self-refresh of the figures; reading only, for those who may see them. */
    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void refresh() {
        overview = null;
    }
}

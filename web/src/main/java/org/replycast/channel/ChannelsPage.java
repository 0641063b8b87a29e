package org.replycast.channel;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.replycast.console.ConsoleRole;
import org.replycast.console.ConsoleUser;
import org.replycast.console.PageMessages;
import org.replycast.console.Permitted;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The console's Channels page ({@code console/channels.xhtml}): the list with each capture's status and
 * ffmpeg's last error; create, edit, delete after a confirmation, start and stop the capture; an admin also
 * renews the forwarding secret. Every change goes through {@link ChannelService} with the signed-in person as
 * the audit trail's actor.
 */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final String FORM = "channel";

    @Inject
    ChannelService channelService;

    @Inject
    ConsoleUser user;

    private List<Channel> channels;
    private ChannelForm form;
    private boolean creating;
    private String removing;
    private String renewedSecret;
    private String renewedFor;

    @PostConstruct
    void load() {
        channels = channelService.list();
    }

    public List<Channel> getChannels() {
        return channels;
    }

    public ChannelForm getForm() {
        return form;
    }

    public boolean isCreating() {
        return creating;
    }

    /** The channel whose removal waits for a confirmation, or null. */
    public String getRemoving() {
        return removing;
    }

    /** A forwarding secret just renewed, shown this once, and its channel. */
    public String getRenewedSecret() {
        return renewedSecret;
    }

    public String getRenewedFor() {
        return renewedFor;
    }

    /** The self-refresh of the list: statuses as the capture reports them. */
    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void refresh() {
        load();
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void startCreating() {
        closeAll();
        form = new ChannelForm();
        creating = true;
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void edit(String channelId) {
        closeAll();
        try {
            form = ChannelForm.of(channelService.find(channelId));
        } catch (ProblemException gone) {
            PageMessages.refused(gone);
            load();
        }
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void save() {
        try {
            if (creating) {
                channelService.create(form.settings(), user.getName());
                PageMessages.done("Channel " + form.getChannelId() + " created.");
            } else {
                Channel channel = channelService.find(form.getChannelId());
                channelService.update(channel.getChannelId(), form.changesTo(channel), user.getName());
                PageMessages.done("Channel " + form.getChannelId() + " saved.");
            }
        } catch (ProblemException refused) {
            if (refused.type() == ProblemType.CONFLICT) {
                PageMessages.refusedBeside(FORM + ":channelId", refused);
            } else {
                PageMessages.refused(refused, FORM, ChannelForm.FIELDS);
            }
            return;
        }
        closeAll();
        load();
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void cancel() {
        closeAll();
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void startCapture(String channelId) {
        setCapture(channelId, true);
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void stopCapture(String channelId) {
        setCapture(channelId, false);
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void askToRemove(String channelId) {
        closeAll();
        removing = channelId;
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void remove() {
        try {
            channelService.remove(removing, user.getName());
            PageMessages.done("Channel " + removing + " deleted.");
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
        closeAll();
        load();
    }

    /** Admin only: the secret signs the channel's webhooks, which an operator has no business reading. */
    @Permitted(ConsoleRole.ADMIN)
    public void renewForwardSecret(String channelId) {
        closeAll();
        try {
            renewedSecret = channelService.renewForwardSecret(channelId, user.getName());
            renewedFor = channelId;
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
    }

    private void setCapture(String channelId, boolean enabled) {
        closeAll();
        try {
            channelService.update(
                    channelId,
                    new ChannelChanges(
                            null, null, null, null, null, null, null, null, null, null, enabled, null, null, null),
                    user.getName());
            PageMessages.done("Capture of " + channelId + (enabled ? " started." : " stopped."));
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
        load();
    }

    private void closeAll() {
        form = null;
        creating = false;
        removing = null;
        renewedSecret = null;
        renewedFor = null;
    }
}

package org.replycast.live;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.replycast.channel.ChannelRepository;
import org.replycast.channel.ChannelStatus;
import org.replycast.media.CaptureJob;
import org.replycast.media.CaptureState;
import org.replycast.media.CaptureStatus;

/**
 * Records each change of a channel's capture state in the channel's row, where the API, the console and
 * other nodes read it, and logs it in one line; called on the supervisors' watchdog thread.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CaptureStatusRecorder {

    private static final Logger LOG = Logger.getLogger(CaptureStatusRecorder.class.getName());

    @Inject
    ChannelRepository channels;

    public void record(CaptureJob job, CaptureStatus status) {
        Level level = status.state() == CaptureState.RESTARTING || status.state() == CaptureState.FAILED
                ? Level.WARNING
                : Level.INFO;
        LOG.log(
                level,
                () -> "channel " + job.name() + " capture " + status.state()
                        + (status.restarts() > 0 ? " (restarts: " + status.restarts() + ")" : "")
                        + (status.detail() == null ? "" : ": " + status.detail()));
        channels.recordStatus(job.name(), ChannelStatus.valueOf(status.state().name()), status.detail());
    }

    /** For a channel whose capture is off and was not running here. */
    public void recordStopped(String channelId) {
        channels.recordStatus(channelId, ChannelStatus.STOPPED, null);
    }
}

package org.replycast.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelCaptureChanged;
import org.replycast.channel.ChannelService;
import org.replycast.media.CaptureJob;
import org.replycast.media.CaptureSource;
import org.replycast.media.CaptureSupervisor;
import org.replycast.media.FfmpegInstallation;
import org.replycast.media.HlsLadder;
import org.replycast.media.SupervisionPolicy;

/**
 * Drives the media worker on this node: one {@link CaptureSupervisor} per captured channel, started with the
 * server, matched to each committed change of a channel's capture settings, and ended with the deployment so
 * that no ffmpeg outlives it. Statuses go to {@link CaptureStatusRecorder}.
 */
@ApplicationScoped
public class LiveCapture {

    private static final Logger LOG = Logger.getLogger(LiveCapture.class.getName());

    // ffmpeg processes belong to this node by nature, so this map is node-local state on purpose; the
    // channel's status, which others read, is recorded in the database.
    private final Map<String, CaptureSupervisor> supervisors = new ConcurrentHashMap<>();

    @Inject
    ChannelService channelService;

    @Inject
    CaptureStatusRecorder recorder;

    @Inject
    LiveFolders folders;

    @Inject
    @ConfigProperty(name = "replycast.live.default-ladder", defaultValue = "1280x720@2500k,640x360@800k")
    String defaultLadder;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService watchdog;
    private String ffmpeg;

    @PostConstruct
    void prepare() {
        HlsLadder.parse(defaultLadder); // a wrong setting stops the deployment here, saying what is accepted
        ffmpeg = new FfmpegInstallation().executable();
        watchdog = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Starts every channel that is to be captured and is not running yet. */
    public synchronized void startAll() {
        for (Channel channel : channelService.listCaptured()) {
            if (!supervisors.containsKey(channel.getChannelId())) {
                start(channel);
            }
        }
        LOG.info(() -> "live capture running for " + supervisors.size() + " channel(s) with " + ffmpeg);
    }

    /** Starts, restarts or stops a channel's capture to match its committed settings. */
    public synchronized void reconcile(String channelId) {
        CaptureSupervisor running = supervisors.remove(channelId);
        if (running != null) {
            running.stop();
        }
        Optional<Channel> captured = channelService.findCaptured(channelId);
        if (captured.isPresent()) {
            start(captured.get());
        } else if (running == null) {
            recorder.recordStopped(channelId);
        }
    }

    void captureChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelCaptureChanged changed) {
        reconcile(changed.channelId());
    }

    @PreDestroy
    synchronized void shutDown() {
        supervisors.values().forEach(CaptureSupervisor::shutDown);
        LOG.info(() -> "live capture ended for " + supervisors.size() + " channel(s)");
        supervisors.clear();
        watchdog.shutdownNow();
    }

    private void start(Channel channel) {
        HlsLadder ladder = HlsLadder.parse(channel.getLadder() == null ? defaultLadder : channel.getLadder());
        CaptureJob job = new CaptureJob(
                channel.getChannelId(),
                CaptureSource.parse(channel.getSource()),
                ladder,
                folders.of(channel.getChannelId()));
        CaptureSupervisor supervisor = new CaptureSupervisor(
                job, ffmpeg, SupervisionPolicy.forLadder(ladder), watchdog, threads, recorder::record);
        supervisors.put(channel.getChannelId(), supervisor);
        supervisor.start();
    }
}

package org.replycast.message;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.media.DisplayCopy;
import org.replycast.media.FfmpegInstallation;
import org.replycast.media.MediaProbe;
import org.replycast.persistence.IdentifierRule;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The media worker's side of a stored reply, driven by the queue {@code MediaJobs}: makes its display copy
 * ({@link DisplayCopy}: {@code <messageId>.mp4} and {@code <messageId>.jpg} beside the untouched original) and
 * has {@link StorageService} record it on the message; and finds the copy for the admin API. Each ffmpeg run
 * may take {@code replycast.messages.display-copy-timeout} (an ISO-8601 duration, 5 minutes unless set).
 */
@Stateless
public class DisplayCopyService {

    private static final Logger LOG = Logger.getLogger(DisplayCopyService.class.getName());
    private static final String NO_MESSAGE = "There is no message with this id.";

    @Inject
    MessageRepository messages;

    @Inject
    MessageFiles files;

    @Inject
    StorageService storage;

    @Inject
    @ConfigProperty(name = "replycast.messages.display-copy-timeout", defaultValue = "PT5M")
    Duration timeout;

    /**
     * Makes and records the display copy of a stored message; one whose copy is recorded already, or that is no
     * longer stored, is left as it is.
     *
     * @param videoFound whether the reply has video, as its storing probed it; null when unknown, to probe it
     * @throws IOException when ffmpeg cannot make the copy, so the job is retried and then dead-lettered
     */
    // Outside a transaction: a transcode may outlast a transaction's timeout and must hold no row meanwhile;
    // the recording at the end is a short transaction of its own in StorageService.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void make(String messageId, Boolean videoFound) throws IOException {
        long started = System.nanoTime();
        Message message =
                messages.findById(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        if (message.hasDisplayCopy() || message.getState() != MessageState.STORED) {
            LOG.info(() -> "message " + messageId + " is " + message.getState()
                    + (message.hasDisplayCopy() ? " with its display copy" : "") + ": media job done already");
            return;
        }
        Path original = files.resolve(message.getMediaPath());
        boolean hasVideo = videoFound != null
                ? videoFound
                : !new MediaProbe(new FfmpegInstallation(), timeout)
                        .probe(original)
                        .videoCodecs()
                        .isEmpty();
        String playable = files.playableOf(message.getChannelId(), messageId);
        String thumbnail = files.thumbnailOf(message.getChannelId(), messageId);
        try {
            new DisplayCopy(new FfmpegInstallation(), timeout)
                    .make(original, hasVideo, files.resolve(playable), files.resolve(thumbnail));
        } catch (IOException failed) {
            // The container logs the failure; the message id and the time spent say which job and how far.
            throw new IOException(
                    "message " + messageId + ": display copy failed after " + millisSince(started) + " ms", failed);
        }
        storage.recordDisplayCopy(messageId, playable, thumbnail, hasVideo);
        LOG.info(() -> "message " + messageId + " display copy made (" + (hasVideo ? "video" : "audio only") + ") in "
                + millisSince(started) + " ms");
    }

    /**
     * The playable copy of a message, or its thumbnail; 404 {@code not-found} for an unknown message and until
     * the copy is made.
     */
    public Copy find(String messageId, boolean thumbnail) {
        if (!IdentifierRule.isValid(messageId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, NO_MESSAGE);
        }
        Message message =
                messages.findById(messageId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, NO_MESSAGE));
        if (!message.hasDisplayCopy()) {
            throw new ProblemException(
                    ProblemType.NOT_FOUND, "The message is " + message.getState() + "; its display copy is not made.");
        }
        Path file = files.resolve(thumbnail ? message.getThumbnailPath() : message.getPlayablePath());
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The message's display copy is gone.");
        }
        String contentType = thumbnail ? "image/jpeg" : message.getPlayableContentType();
        return new Copy(file, contentType);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** A file of the display copy and its content type. */
    public record Copy(Path file, String contentType) {}
}

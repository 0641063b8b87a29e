package org.replycast.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link MediaProbe} found in a file: its container as ffmpeg names it, the codecs of its video and audio
 * streams, and how long it plays (empty when ffmpeg cannot tell).
 *
 * @param container ffmpeg's demuxer name, such as {@code matroska,webm} or {@code mov,mp4,m4a,3gp,3g2,mj2};
 *     null when ffmpeg does not read the file as media at all
 */
public record ProbedMedia(
        String container, List<String> videoCodecs, List<String> audioCodecs, Optional<Duration> duration) {

    public ProbedMedia {
        videoCodecs = List.copyOf(videoCodecs);
        audioCodecs = List.copyOf(audioCodecs);
    }

    /** Whether it is audio or video: a container with at least one such stream that plays for some time. */
    public boolean isAudioOrVideo() {
        return container != null
                && (!videoCodecs.isEmpty() || !audioCodecs.isEmpty())
                && duration.filter(length -> !length.isZero()).isPresent();
    }
}

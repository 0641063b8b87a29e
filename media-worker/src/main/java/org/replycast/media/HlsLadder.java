package org.replycast.media;

import java.util.List;

/**
 * What the live encoder writes for one channel: its renditions (the first is the full picture, the others
 * are scaled from it), the AAC audio rate, the segment length and how many segments each playlist keeps.
 */
public record HlsLadder(List<HlsRendition> renditions, int audioKbps, int segmentSeconds, int windowSegments) {

    /** 720p at 2.5 Mbit/s and 360p at 0.8 Mbit/s, AAC at 128 kbit/s, 1 s segments, a window of 10. */
    public static final HlsLadder DEFAULT =
            new HlsLadder(List.of(new HlsRendition(1280, 720, 2500), new HlsRendition(640, 360, 800)), 128, 1, 10);

    public HlsLadder {
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one rendition");
        }
        if (audioKbps <= 0 || segmentSeconds <= 0 || windowSegments < 3) {
            throw new IllegalArgumentException(
                    "a ladder needs a positive audio rate and segment length, and a window of at least 3");
        }
    }
}

package org.replycast.media;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the live encoder writes for one channel: its renditions (the first is the full picture, the others
 * are scaled from it), the AAC audio rate, the segment length and how many segments each playlist keeps.
 */
public record HlsLadder(List<HlsRendition> renditions, int audioKbps, int segmentSeconds, int windowSegments) {

    /** 720p at 2.5 Mbit/s and 360p at 0.8 Mbit/s, AAC at 128 kbit/s, 1 s segments, a window of 10. */
    public static final HlsLadder DEFAULT =
            new HlsLadder(List.of(new HlsRendition(1280, 720, 2500), new HlsRendition(640, 360, 800)), 128, 1, 10);

    private static final Pattern RENDITION = Pattern.compile("(\\d{2,4})x(\\d{2,4})@(\\d{2,5})k");
    private static final String ACCEPTED =
            "ladder must list renditions as WIDTHxHEIGHT@KBPSk separated by commas, largest first,"
                    + " such as 1280x720@2500k,640x360@800k";

    /**
     * Reads a channel's ladder setting, such as {@code 1280x720@2500k,640x360@800k}, with the default audio,
     * segment length and window.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static HlsLadder parse(String setting) {
        if (setting == null || setting.isBlank() || setting.length() > 200) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        List<HlsRendition> renditions = new ArrayList<>();
        for (String rung : setting.split(",", -1)) {
            Matcher matcher = RENDITION.matcher(rung.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(ACCEPTED);
            }
            HlsRendition rendition = new HlsRendition(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            if (!renditions.isEmpty() && rendition.height() > renditions.get(0).height()) {
                throw new IllegalArgumentException(ACCEPTED);
            }
            renditions.add(rendition);
        }
        if (renditions.size() > 6) {
            throw new IllegalArgumentException("ladder may have at most 6 renditions");
        }
        return new HlsLadder(renditions, DEFAULT.audioKbps(), DEFAULT.segmentSeconds(), DEFAULT.windowSegments());
    }

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

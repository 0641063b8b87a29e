package org.replycast.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * An HLS media playlist (RFC 8216) as far as the live benchmarks read it: the media sequence number, the target
 * duration, and each segment's address, duration and program date-time. Also reads a master playlist's
 * variants.
 */
record LivePlaylist(int targetDurationSeconds, long mediaSequence, List<Segment> segments) {

    /** One segment; {@code programDateTime} null when the playlist carries none. */
    record Segment(long sequence, String uri, double seconds, Instant programDateTime) {}

    /** One rendition of a master playlist, such as {@code 1/index.m3u8} at {@code 640x360}. */
    record Variant(String uri, String resolution, long bandwidth) {}

    /** ffmpeg writes {@code +0000}, others {@code +00:00} or {@code Z}. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    static LivePlaylist parse(String text) {
        int target = 0;
        long sequence = 0;
        List<Segment> segments = new ArrayList<>();
        double duration = 0;
        Instant date = null;
        Instant next = null; // the date of the segment after the last one, where a playlist states only the first
        for (String line : text.split("\r?\n")) {
            line = line.strip();
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                date = OffsetDateTime.parse(
                                line.substring(line.indexOf(':') + 1).strip(), DATE_TIME)
                        .toInstant();
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring(line.indexOf(':') + 1);
                int comma = value.indexOf(',');
                duration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                Instant start = date != null ? date : next;
                segments.add(new Segment(sequence + segments.size(), line, duration, start));
                next = start == null ? null : start.plus(Duration.ofNanos((long) (duration * 1e9)));
                date = null;
            }
        }
        return new LivePlaylist(target, sequence, List.copyOf(segments));
    }

    /** The sequence number of the newest segment; one below the media sequence when there is none. */
    long lastSequence() {
        return mediaSequence + segments.size() - 1;
    }

    /** The segment with this sequence number, or null when it is not (or no longer) in the playlist. */
    Segment segment(long sequence) {
        long index = sequence - mediaSequence;
        return index >= 0 && index < segments.size() ? segments.get((int) index) : null;
    }

    /** The program date-time at the end of the newest segment: how far the capture has got; null if unknown. */
    Instant end() {
        if (segments.isEmpty()) {
            return null;
        }
        Segment last = segments.get(segments.size() - 1);
        return last.programDateTime() == null
                ? null
                : last.programDateTime().plus(Duration.ofNanos((long) (last.seconds() * 1e9)));
    }

    /** The variants of a master playlist, in its order. */
    static List<Variant> variants(String master) {
        List<Variant> variants = new ArrayList<>();
        String resolution = null;
        long bandwidth = 0;
        boolean streamInf = false;
        for (String line : master.split("\r?\n")) {
            line = line.strip();
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                streamInf = true;
                resolution = attribute(line, "RESOLUTION");
                String value = attribute(line, "BANDWIDTH");
                bandwidth = value == null ? 0 : Long.parseLong(value);
            } else if (streamInf && !line.isEmpty() && !line.startsWith("#")) {
                variants.add(new Variant(line, resolution, bandwidth));
                streamInf = false;
            }
        }
        return variants;
    }

    private static String attribute(String line, String name) {
        for (String part : line.substring(line.indexOf(':') + 1).split(",(?=[A-Z-]+=)")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1).replace("\"", "");
            }
        }
        return null;
    }
}

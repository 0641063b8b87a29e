package org.replycast.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.replycast.media.ContainerProbe.MalformedMediaException;

/**
 * Reads an MP4 or MOV file's tracks and duration from its boxes: the duration from {@code moov/mvhd}, and for
 * each {@code trak} its kind from {@code mdia/hdlr} and its codec from the first sample entry of {@code
 * mdia/minf/stbl/stsd} (for {@code mp4a}, the object type in its {@code esds}). A fragmented file (its
 * duration in the fragments) is left to ffmpeg.
 */
final class IsoMediaReader {

    private static final String CONTAINER = "mov,mp4,m4a,3gp,3g2,mj2";

    private static final int MOOV = type("moov");
    private static final int MVHD = type("mvhd");
    private static final int MVEX = type("mvex");
    private static final int TRAK = type("trak");
    private static final int MDIA = type("mdia");
    private static final int HDLR = type("hdlr");
    private static final int MINF = type("minf");
    private static final int STBL = type("stbl");
    private static final int STSD = type("stsd");
    private static final int MP4A = type("mp4a");
    private static final int ESDS = type("esds");
    private static final int WAVE = type("wave");
    private static final int VIDE = type("vide");
    private static final int SOUN = type("soun");
    // The length of a sound sample entry before its child boxes, by its version (1 and 2 are QuickTime's).
    private static final int[] SOUND_ENTRY_HEADER = {28, 44, 64};

    // Sample entry formats and ffmpeg's names for them; a track with any other format is left to ffmpeg.
    private static final Map<String, String> VIDEO_CODECS = Map.of(
            "avc1", "h264",
            "avc3", "h264",
            "hvc1", "hevc",
            "hev1", "hevc",
            "av01", "av1",
            "vp09", "vp9",
            "mp4v", "mpeg4");
    private static final Map<String, String> AUDIO_CODECS = Map.of(
            "Opus", "opus",
            "fLaC", "flac",
            "ac-3", "ac3",
            "ec-3", "eac3",
            ".mp3", "mp3");
    // MPEG-4 object types of an mp4a entry (ISO/IEC 14496-1): AAC, MPEG-2 AAC profiles, MPEG audio.
    private static final Map<Integer, String> MP4A_OBJECT_TYPES =
            Map.of(0x40, "aac", 0x66, "aac", 0x67, "aac", 0x68, "aac", 0x69, "mp3", 0x6B, "mp3");

    private final FileChannel channel;
    private final long fileSize;

    IsoMediaReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** The four-character code of a box type as a number. */
    static int type(String fourCharacters) {
        return ByteBuffer.wrap(fourCharacters.getBytes(StandardCharsets.US_ASCII))
                .getInt();
    }

    Optional<ProbedMedia> read() throws IOException {
        Optional<Box> moov = child(new Box(0, 0, 0, fileSize), MOOV);
        if (moov.isEmpty() || child(moov.get(), MVEX).isPresent()) {
            return Optional.empty();
        }
        Optional<Box> mvhd = child(moov.get(), MVHD);
        if (mvhd.isEmpty()) {
            return Optional.empty();
        }
        List<String> video = new ArrayList<>();
        List<String> audio = new ArrayList<>();
        for (Box trak : children(moov.get(), TRAK)) {
            Optional<Box> mdia = child(trak, MDIA);
            Optional<Box> hdlr = descendant(trak, MDIA, HDLR);
            if (hdlr.isEmpty()) {
                return Optional.empty();
            }
            int handler = (int) ContainerProbe.readNumber(channel, hdlr.get().dataStart + 8, 4);
            if (handler != VIDE && handler != SOUN) {
                continue;
            }
            Optional<String> codec = codecOf(mdia.get(), handler == VIDE);
            if (codec.isEmpty()) {
                return Optional.empty();
            }
            (handler == VIDE ? video : audio).add(codec.get());
        }
        Optional<Duration> duration = duration(mvhd.get());
        if ((video.isEmpty() && audio.isEmpty()) || duration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProbedMedia(CONTAINER, video, audio, duration));
    }

    /** mvhd: version and flags, then (version 1: 64-bit) creation and modification times, time scale, duration. */
    private Optional<Duration> duration(Box mvhd) throws IOException {
        int version = (int) ContainerProbe.readNumber(channel, mvhd.dataStart, 1);
        long timescale;
        long units;
        if (version == 1) {
            timescale = ContainerProbe.readNumber(channel, mvhd.dataStart + 20, 4);
            units = ContainerProbe.readNumber(channel, mvhd.dataStart + 24, 8);
        } else {
            timescale = ContainerProbe.readNumber(channel, mvhd.dataStart + 12, 4);
            units = ContainerProbe.readNumber(channel, mvhd.dataStart + 16, 4);
        }
        if (timescale == 0 || units <= 0 || units == 0xFFFFFFFFL) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(units * 1e9 / timescale)));
    }

    private Optional<String> codecOf(Box mdia, boolean isVideo) throws IOException {
        Optional<Box> stsd = descendant(mdia, MINF, STBL, STSD);
        if (stsd.isEmpty() || ContainerProbe.readNumber(channel, stsd.get().dataStart + 4, 4) < 1) {
            return Optional.empty();
        }
        // The first sample entry is a box after version, flags and the entry count.
        Box entry = box(stsd.get().dataStart + 8, stsd.get().end);
        if (entry.type == MP4A && !isVideo) {
            return objectTypeOf(entry).map(MP4A_OBJECT_TYPES::get);
        }
        String format = new String(ByteBuffer.allocate(4).putInt(entry.type).array(), StandardCharsets.US_ASCII);
        return Optional.ofNullable((isVideo ? VIDEO_CODECS : AUDIO_CODECS).get(format));
    }

    /**
     * The object type of an mp4a entry's decoder: esds holds an ES descriptor (tag 3) whose decoder config
     * descriptor (tag 4) begins with it.
     */
    private Optional<Integer> objectTypeOf(Box mp4a) throws IOException {
        int soundVersion = (int) ContainerProbe.readNumber(channel, mp4a.dataStart + 8, 2);
        if (soundVersion >= SOUND_ENTRY_HEADER.length) {
            return Optional.empty();
        }
        Box children = new Box(mp4a.type, mp4a.start, mp4a.dataStart + SOUND_ENTRY_HEADER[soundVersion], mp4a.end);
        Optional<Box> esds = child(children, ESDS);
        if (esds.isEmpty()) {
            esds = descendant(children, WAVE, ESDS); // QuickTime keeps it in the entry's wave box
        }
        if (esds.isEmpty()) {
            return Optional.empty();
        }
        long position = esds.get().dataStart + 4;
        position = descriptorBody(position, 3);
        int flags = (int) ContainerProbe.readNumber(channel, position + 2, 1);
        position += 3;
        if ((flags & 0x80) != 0) {
            position += 2; // depends on another stream
        }
        if ((flags & 0x40) != 0) {
            position += 1 + ContainerProbe.readNumber(channel, position, 1); // a URL
        }
        if ((flags & 0x20) != 0) {
            position += 2; // an OCR stream
        }
        position = descriptorBody(position, 4);
        return Optional.of((int) ContainerProbe.readNumber(channel, position, 1));
    }

    /** Where the body of the descriptor at the position starts: after its tag and its length of 1 to 4 bytes. */
    private long descriptorBody(long position, int tag) throws IOException {
        if (ContainerProbe.readNumber(channel, position, 1) != tag) {
            throw new MalformedMediaException("no descriptor " + tag + " at " + position);
        }
        long at = position + 1;
        for (int i = 0; i < 4; i++) {
            if ((ContainerProbe.readNumber(channel, at++, 1) & 0x80) == 0) {
                return at;
            }
        }
        throw new MalformedMediaException("a descriptor length of more than 4 bytes at " + position);
    }

    /** The box at the end of the path of types from the parent, each the first of its type. */
    private Optional<Box> descendant(Box parent, int... types) throws IOException {
        Box at = parent;
        for (int type : types) {
            Optional<Box> next = child(at, type);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    private Optional<Box> child(Box parent, int type) throws IOException {
        List<Box> found = children(parent, type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Box> children(Box parent, int type) throws IOException {
        List<Box> found = new ArrayList<>();
        long position = parent.dataStart;
        while (position + 8 <= parent.end) {
            Box box = box(position, parent.end);
            if (box.type == type) {
                found.add(box);
            }
            position = box.end;
        }
        return found;
    }

    /** The box at the position: a 32-bit size (1: a 64-bit one follows the type; 0: to the end), its type. */
    private Box box(long position, long parentEnd) throws IOException {
        long size = ContainerProbe.readNumber(channel, position, 4);
        int type = (int) ContainerProbe.readNumber(channel, position + 4, 4);
        long dataStart = position + 8;
        if (size == 1) {
            size = ContainerProbe.readNumber(channel, position + 8, 8);
            dataStart += 8;
        } else if (size == 0) {
            size = parentEnd - position;
        }
        if (size < dataStart - position || position + size > parentEnd) {
            throw new MalformedMediaException("a box that does not fit its parent at " + position);
        }
        return new Box(type, position, dataStart, position + size);
    }

    private record Box(int type, long start, long dataStart, long end) {}
}

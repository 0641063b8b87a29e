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
import java.util.Set;
import org.replycast.media.ContainerProbe.MalformedMediaException;

/**
 * Reads a WebM or Matroska file's tracks and duration from its EBML elements: the codecs from {@code
 * Tracks}, the duration from {@code Info} or, when a recorder wrote none (a browser's MediaRecorder), from the
 * last block's timestamp. The elements of interest are read in one pass from the start, entering the few
 * containers that hold them, so clusters of unknown size (live recordings) are read like any other.
 */
final class MatroskaReader {

    private static final String CONTAINER = "matroska,webm";

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMESTAMP_SCALE = 0x2AD7B1;
    private static final long DURATION = 0x4489;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TRACK_TYPE = 0x83;
    private static final long CODEC_ID = 0x86;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMESTAMP = 0xE7;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;
    private static final long SIMPLE_BLOCK = 0xA3;
    // Containers whose children are read as if they were siblings; every other element is skipped whole.
    private static final Set<Long> ENTERED = Set.of(SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP);

    private static final int VIDEO = 1;
    private static final int AUDIO = 2;
    // Matroska codec ids and ffmpeg's names for them; a track with any other codec is left to ffmpeg.
    private static final Map<String, String> VIDEO_CODECS = Map.of(
            "V_VP8", "vp8",
            "V_VP9", "vp9",
            "V_AV1", "av1",
            "V_MPEG4/ISO/AVC", "h264",
            "V_MPEGH/ISO/HEVC", "hevc",
            "V_MPEG4/ISO/ASP", "mpeg4",
            "V_MPEG4/ISO/SP", "mpeg4",
            "V_THEORA", "theora");
    private static final Map<String, String> AUDIO_CODECS = Map.of(
            "A_OPUS", "opus",
            "A_VORBIS", "vorbis",
            "A_AAC", "aac",
            "A_MPEG/L3", "mp3",
            "A_MPEG/L2", "mp2",
            "A_FLAC", "flac",
            "A_AC3", "ac3",
            "A_EAC3", "eac3");

    private final FileChannel channel;
    private final long fileSize;
    private final List<Integer> trackTypes = new ArrayList<>();
    private final List<String> codecIds = new ArrayList<>();
    private long timestampScale = 1_000_000;
    private Double infoDuration;
    private long clusterTimestamp;
    private long lastBlockTimestamp = -1;

    MatroskaReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    Optional<ProbedMedia> read() throws IOException {
        Element header = element(0);
        if (header.id != EBML || header.unknownSize()) {
            return Optional.empty();
        }
        if (!isWebmOrMatroska(header)) {
            return Optional.empty();
        }
        long position = header.end();
        while (position < fileSize) {
            Element element = element(position);
            if (element.id == CLUSTER && infoDuration != null && !trackTypes.isEmpty()) {
                break; // the header told everything
            }
            if (ENTERED.contains(element.id)) {
                enter(element);
                position = element.dataStart;
                continue;
            }
            if (element.unknownSize() || element.end() > fileSize) {
                break; // a cut-off file: what was read so far is what ffmpeg reads too
            }
            take(element);
            position = element.end();
        }
        return media();
    }

    private boolean isWebmOrMatroska(Element header) throws IOException {
        long position = header.dataStart;
        while (position < header.end()) {
            Element child = element(position);
            if (child.id == DOC_TYPE) {
                String docType = text(child);
                return docType.equals("webm") || docType.equals("matroska");
            }
            position = child.end();
        }
        return false;
    }

    private void enter(Element container) {
        if (container.id == TRACK_ENTRY) {
            trackTypes.add(0);
            codecIds.add(null);
        } else if (container.id == CLUSTER) {
            clusterTimestamp = 0;
        }
    }

    private void take(Element element) throws IOException {
        if (element.id == TIMESTAMP_SCALE) {
            timestampScale = number(element);
        } else if (element.id == DURATION) {
            infoDuration = floatingPoint(element);
        } else if (element.id == TRACK_TYPE && !trackTypes.isEmpty()) {
            trackTypes.set(trackTypes.size() - 1, (int) number(element));
        } else if (element.id == CODEC_ID && !codecIds.isEmpty()) {
            codecIds.set(codecIds.size() - 1, text(element));
        } else if (element.id == CLUSTER_TIMESTAMP) {
            clusterTimestamp = number(element);
        } else if (element.id == SIMPLE_BLOCK || element.id == BLOCK) {
            lastBlockTimestamp = Math.max(lastBlockTimestamp, clusterTimestamp + blockTimestamp(element));
        }
    }

    private Optional<ProbedMedia> media() {
        List<String> video = new ArrayList<>();
        List<String> audio = new ArrayList<>();
        for (int i = 0; i < trackTypes.size(); i++) {
            int type = trackTypes.get(i);
            if (type != VIDEO && type != AUDIO) {
                continue;
            }
            String codec = (type == VIDEO ? VIDEO_CODECS : AUDIO_CODECS).get(codecIds.get(i));
            if (codec == null) {
                return Optional.empty();
            }
            (type == VIDEO ? video : audio).add(codec);
        }
        double ticks = infoDuration != null ? infoDuration : lastBlockTimestamp;
        if ((video.isEmpty() && audio.isEmpty()) || ticks < 0) {
            return Optional.empty();
        }
        Duration duration = Duration.ofNanos(Math.round(ticks * timestampScale));
        return Optional.of(new ProbedMedia(CONTAINER, video, audio, Optional.of(duration)));
    }

    /** A block's timestamp relative to its cluster: after the track number, a signed 16-bit number. */
    private long blockTimestamp(Element block) throws IOException {
        int trackNumberLength =
                vintLength(ContainerProbe.readFully(channel, block.dataStart, 1).get(0));
        return (short) ContainerProbe.readNumber(channel, block.dataStart + trackNumberLength, 2);
    }

    private long number(Element element) throws IOException {
        if (element.size > 8) {
            throw new MalformedMediaException("an unsigned number of " + element.size + " bytes");
        }
        return ContainerProbe.readNumber(channel, element.dataStart, (int) element.size);
    }

    private double floatingPoint(Element element) throws IOException {
        long bits = number(element);
        return switch ((int) element.size) {
            case 4 -> Float.intBitsToFloat((int) bits);
            case 8 -> Double.longBitsToDouble(bits);
            default -> throw new MalformedMediaException("a float of " + element.size + " bytes");
        };
    }

    private String text(Element element) throws IOException {
        if (element.size > 256) {
            throw new MalformedMediaException("a string of " + element.size + " bytes");
        }
        ByteBuffer bytes = ContainerProbe.readFully(channel, element.dataStart, (int) element.size);
        String text = StandardCharsets.US_ASCII.decode(bytes).toString();
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The element at the position: its id (with the length marker, as written), where its data starts, its size. */
    private Element element(long position) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(12, fileSize - position));
        channel.read(head, position);
        head.flip();
        if (!head.hasRemaining()) {
            throw new MalformedMediaException("no element at " + position);
        }
        int idLength = vintLength(head.get(0));
        if (idLength > 4 || head.remaining() < idLength + 1) {
            throw new MalformedMediaException("no element id at " + position);
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (head.get(i) & 0xFF);
        }
        int sizeLength = vintLength(head.get(idLength));
        if (head.remaining() < idLength + sizeLength) {
            throw new MalformedMediaException("no element size at " + position);
        }
        long size = head.get(idLength) & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int next = head.get(idLength + i) & 0xFF;
            allOnes &= next == 0xFF;
            size = (size << 8) | next;
        }
        return new Element(id, position + idLength + sizeLength, allOnes ? -1 : size);
    }

    /** How many bytes a variable-length integer takes, told by its first byte's leading zeros. */
    private static int vintLength(byte first) throws MalformedMediaException {
        int length = Integer.numberOfLeadingZeros(first & 0xFF) - 23;
        if (length > 8) {
            throw new MalformedMediaException("a variable-length integer that begins with a zero byte");
        }
        return length;
    }

    /** One EBML element; a size of -1 is unknown (the element lasts until something that cannot be in it). */
    private record Element(long id, long dataStart, long size) {
        boolean unknownSize() {
            return size < 0;
        }

        long end() {
            return dataStart + size;
        }
    }
}

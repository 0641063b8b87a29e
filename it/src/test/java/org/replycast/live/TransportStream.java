package org.replycast.live;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What MPEG transport stream bytes (ISO/IEC 13818-1), such as consecutive HLS segments, carry: the stream
 * type of each elementary stream that the program map names, and the span of presentation times of each.
 * Read in plain Java, as a player's demuxer would, because the bundled ffmpeg may not demux on every machine.
 */
final class TransportStream {

    static final int H264 = 0x1B;
    static final int AAC = 0x0F;
    private static final int PACKET = 188;
    private static final double CLOCK = 90_000;

    private final Map<Integer, Integer> streamTypes = new HashMap<>();
    private final Map<Integer, long[]> presentationTimes = new HashMap<>();
    private int programMapPid = -1;

    /** Reads the bytes, packet by packet; segments of one stream can be read one after another. */
    static TransportStream read(byte[]... segments) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] segment : segments) {
            all.writeBytes(segment);
        }
        TransportStream stream = new TransportStream();
        byte[] bytes = all.toByteArray();
        if (bytes.length % PACKET != 0) {
            throw new IllegalArgumentException("not whole 188-byte packets: " + bytes.length + " bytes");
        }
        for (int at = 0; at < bytes.length; at += PACKET) {
            stream.packet(bytes, at);
        }
        return stream;
    }

    /** Whether an elementary stream of that type (H264, AAC) is in the program and carries timed packets. */
    boolean carries(int streamType) {
        return streamTypes.entrySet().stream()
                .anyMatch(entry -> entry.getValue() == streamType && presentationTimes.containsKey(entry.getKey()));
    }

    /** Seconds from the first to the last presentation time of the first stream of that type; 0 without one. */
    double spanSeconds(int streamType) {
        return streamTypes.entrySet().stream()
                .filter(entry -> entry.getValue() == streamType && presentationTimes.containsKey(entry.getKey()))
                .mapToDouble(entry -> {
                    long[] times = presentationTimes.get(entry.getKey());
                    return (times[1] - times[0]) / CLOCK;
                })
                .findFirst()
                .orElse(0);
    }

    private void packet(byte[] bytes, int at) {
        if (bytes[at] != 0x47) {
            throw new IllegalArgumentException("no sync byte at " + at);
        }
        boolean unitStart = (bytes[at + 1] & 0x40) != 0;
        int pid = ((bytes[at + 1] & 0x1F) << 8) | (bytes[at + 2] & 0xFF);
        int adaptation = (bytes[at + 3] >> 4) & 0x3;
        int payload = at + 4 + ((adaptation & 0x2) != 0 ? 1 + (bytes[at + 4] & 0xFF) : 0);
        if ((adaptation & 0x1) == 0 || !unitStart || payload >= at + PACKET) {
            return;
        }
        if (pid == 0) {
            programAssociation(bytes, payload + 1 + (bytes[payload] & 0xFF));
        } else if (pid == programMapPid) {
            programMap(bytes, payload + 1 + (bytes[payload] & 0xFF));
        } else if (streamTypes.containsKey(pid)) {
            presentationTime(pid, bytes, payload);
        }
    }

    private void programAssociation(byte[] bytes, int section) {
        int length = ((bytes[section + 1] & 0x0F) << 8) | (bytes[section + 2] & 0xFF);
        for (int entry = section + 8; entry + 4 <= section + 3 + length - 4; entry += 4) {
            int program = ((bytes[entry] & 0xFF) << 8) | (bytes[entry + 1] & 0xFF);
            if (program != 0) {
                programMapPid = ((bytes[entry + 2] & 0x1F) << 8) | (bytes[entry + 3] & 0xFF);
                return;
            }
        }
    }

    private void programMap(byte[] bytes, int section) {
        int end = section + 3 + (((bytes[section + 1] & 0x0F) << 8) | (bytes[section + 2] & 0xFF)) - 4;
        int programInfo = ((bytes[section + 10] & 0x0F) << 8) | (bytes[section + 11] & 0xFF);
        for (int entry = section + 12 + programInfo; entry + 5 <= end; ) {
            int pid = ((bytes[entry + 1] & 0x1F) << 8) | (bytes[entry + 2] & 0xFF);
            streamTypes.put(pid, bytes[entry] & 0xFF);
            entry += 5 + (((bytes[entry + 3] & 0x0F) << 8) | (bytes[entry + 4] & 0xFF));
        }
    }

    private void presentationTime(int pid, byte[] bytes, int pes) {
        boolean startCode = bytes[pes] == 0 && bytes[pes + 1] == 0 && bytes[pes + 2] == 1;
        if (!startCode || (bytes[pes + 7] & 0x80) == 0) {
            return;
        }
        int at = pes + 9;
        long time = ((long) (bytes[at] & 0x0E) << 29)
                | ((long) (bytes[at + 1] & 0xFF) << 22)
                | ((long) (bytes[at + 2] & 0xFE) << 14)
                | ((long) (bytes[at + 3] & 0xFF) << 7)
                | ((bytes[at + 4] & 0xFE) >> 1);
        long[] span = presentationTimes.computeIfAbsent(pid, key -> new long[] {time, time});
        span[0] = Math.min(span[0], time);
        span[1] = Math.max(span[1], time);
    }
}

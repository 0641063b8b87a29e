package org.replycast.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Tells what a file is for the common containers of replies, WebM/Matroska and MP4/MOV, by reading their
 * headers in the JVM instead of starting ffmpeg: the same container, codec names and duration as ffmpeg finds.
 * Anything it does not know for sure (another container, an unknown codec, a damaged or fragmented file) comes
 * back empty, for {@link MediaProbe} to ask ffmpeg.
 */
final class ContainerProbe {

    private static final int EBML_MAGIC = 0x1A45DFA3;
    private static final int FTYP = IsoMediaReader.type("ftyp");

    private ContainerProbe() {}

    /** What the file is, or empty when ffmpeg has to tell. */
    static Optional<ProbedMedia> probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(8);
            channel.read(start, 0);
            if (start.position() < 8) {
                return Optional.empty();
            }
            try {
                if (start.getInt(0) == EBML_MAGIC) {
                    return new MatroskaReader(channel).read();
                }
                if (start.getInt(4) == FTYP) {
                    return new IsoMediaReader(channel).read();
                }
            } catch (MalformedMediaException malformed) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** Reads a big-endian unsigned number of 1 to 8 bytes at the position. */
    static long readNumber(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer bytes = readFully(channel, position, length);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes.get(i) & 0xFF);
        }
        return value;
    }

    /** Exactly the bytes asked for at the position. */
    static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, position + bytes.position()) < 0) {
                throw new MalformedMediaException("the file ends within an element at " + position);
            }
        }
        return bytes.flip();
    }

    /** The file is not what its first bytes promised; ffmpeg is asked instead. */
    static final class MalformedMediaException extends IOException {
        MalformedMediaException(String message) {
            super(message);
        }
    }
}

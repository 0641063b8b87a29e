package org.replycast.api;

import io.undertow.servlet.spec.ServletOutputStreamImpl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Sends a part of an open file as a response body, never holding the file in memory. */
public final class FileBody {

    private static final int CHUNK_BYTES = 64 * 1024;

    private FileBody() {}

    /**
     * Copies {@code count} bytes from {@code from}: to the file's end straight from the servlet container
     * (the usual whole file) through Undertow's transfer from the file channel, which the kernel does with
     * sendfile; other ranges, and other streams, in chunks.
     */
    public static void copy(FileChannel channel, long from, long count, OutputStream out) throws IOException {
        if (out instanceof ServletOutputStreamImpl undertow && from + count == channel.size()) {
            channel.position(from);
            undertow.transferFrom(channel);
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(count, 1)));
        long position = from;
        long end = from + count;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("the file ended early");
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }
}

package org.replycast.api;

import io.undertow.servlet.spec.ServletOutputStreamImpl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Sends a part of an open file as a response body, never holding the file in memory. */
public final class FileBody {

    private static final int CHUNK_BYTES = 64 * 1024;

    private FileBody() {}

    /**
     * Completes a JAX-RS response (its type and caching already set) with what the range selects from the file
     * of {@code length} bytes: the whole file (200), one part (206 with {@code Content-Range}), or nothing (416).
     */
    public static Response ranged(Response.ResponseBuilder response, Path file, long length, ByteRange selected) {
        response.header("Accept-Ranges", "bytes");
        if (selected instanceof ByteRange.Unsatisfiable unsatisfiable) {
            return response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", unsatisfiable.contentRange(length))
                    .header(HttpHeaders.CONTENT_LENGTH, 0)
                    .entity(null)
                    .build();
        }
        long first = 0;
        long count = length;
        if (selected instanceof ByteRange.Part part) {
            response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range", part.contentRange(length));
            first = part.first();
            count = part.length();
        }
        response.header(HttpHeaders.CONTENT_LENGTH, count);
        long from = first;
        long bytes = count;
        StreamingOutput body = out -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                copy(channel, from, bytes, out);
            }
        };
        return response.entity(body).build();
    }

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

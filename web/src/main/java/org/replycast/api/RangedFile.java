package org.replycast.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JAX-RS answer with a stored file's bytes, whole (200) or one byte range of them (206), or 416 for a
 * range beyond the end, streamed by {@link FileBody}; the caller adds its content type and cache headers.
 * A terminal's own messages and a display's media are both answered this way.
 */
public final class RangedFile {

    private RangedFile() {}

    /**
     * @param length the file's length in bytes
     * @param range the request's {@code Range} header, or null for the whole file
     */
    public static Response.ResponseBuilder answer(Path file, long length, String range) {
        Response.ResponseBuilder response = Response.ok().header("Accept-Ranges", "bytes");
        ByteRange selected = ByteRange.of(range, length);
        if (selected instanceof ByteRange.Unsatisfiable unsatisfiable) {
            return response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", unsatisfiable.contentRange(length))
                    .header(HttpHeaders.CONTENT_LENGTH, 0)
                    .entity(null);
        }
        long first = 0;
        long count = length;
        if (selected instanceof ByteRange.Part part) {
            response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range", part.contentRange(length));
            first = part.first();
            count = part.length();
        }
        long from = first;
        long bytes = count;
        StreamingOutput body = out -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                FileBody.copy(channel, from, bytes, out);
            }
        };
        return response.header(HttpHeaders.CONTENT_LENGTH, count).entity(body);
    }
}

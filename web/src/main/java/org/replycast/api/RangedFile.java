package org.replycast.api;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The answer with a stored file's bytes, whole (200) or one byte range of them (206), or 416 for a range
 * beyond the end, streamed by {@link FileBody}: as a JAX-RS response, or through a servlet's response for
 * the console's pages; the caller adds its content type and cache headers. A terminal's own messages, a
 * display's media and the console's players are all answered this way.
 */
public final class RangedFile {

    private RangedFile() {}

    /** What a range asks of a file: the status, the Content-Range header (null for 200), and the bytes to send. */
    private record Selection(int status, String contentRange, long first, long count) {

        static Selection of(long length, String range) {
            ByteRange selected = ByteRange.of(range, length);
            if (selected instanceof ByteRange.Unsatisfiable unsatisfiable) {
                return new Selection(416, unsatisfiable.contentRange(length), 0, 0);
            }
            if (selected instanceof ByteRange.Part part) {
                return new Selection(206, part.contentRange(length), part.first(), part.length());
            }
            return new Selection(200, null, 0, length);
        }

        void copy(Path file, OutputStream out) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                FileBody.copy(channel, first, count, out);
            }
        }
    }

    /**
     * @param length the file's length in bytes
     * @param range the request's {@code Range} header, or null for the whole file
     */
    public static Response.ResponseBuilder answer(Path file, long length, String range) {
        Selection selection = Selection.of(length, range);
        Response.ResponseBuilder response = Response.status(selection.status())
                .header("Accept-Ranges", "bytes")
                .header("Content-Range", selection.contentRange())
                .header(HttpHeaders.CONTENT_LENGTH, selection.count());
        if (selection.status() == 416) {
            return response;
        }
        StreamingOutput body = out -> selection.copy(file, out);
        return response.entity(body);
    }

    /**
     * The same answer written to a servlet's response; the caller has set its content type and cache headers.
     *
     * @param length the file's length in bytes
     * @param range the request's {@code Range} header, or null for the whole file
     */
    public static void send(Path file, long length, String range, HttpServletResponse response) throws IOException {
        Selection selection = Selection.of(length, range);
        response.setStatus(selection.status());
        response.setHeader("Accept-Ranges", "bytes");
        if (selection.contentRange() != null) {
            response.setHeader("Content-Range", selection.contentRange());
        }
        response.setContentLengthLong(selection.count());
        if (selection.status() != 416) {
            selection.copy(file, response.getOutputStream());
        }
    }
}

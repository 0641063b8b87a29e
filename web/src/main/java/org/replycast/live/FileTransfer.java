package org.replycast.live;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends bytes of an open file as a response body with sendfile, continuing on the I/O thread each time the
 * connection can take more, and ends the exchange when done. Undertow's own sender hands every continuation
 * to a worker thread (in case the file blocks); live files were just written and are in the page cache.
 */
final class FileTransfer implements ChannelListener<StreamSinkChannel> {

    private final HttpServerExchange exchange;
    private final FileChannel file;
    private final long end;
    private long position;

    private FileTransfer(HttpServerExchange exchange, FileChannel file, long from, long count) {
        this.exchange = exchange;
        this.file = file;
        this.position = from;
        this.end = from + count;
    }

    /** Starts sending {@code count} bytes of the file from {@code from}; the caller closes the file afterwards. */
    static void start(HttpServerExchange exchange, FileChannel file, long from, long count) {
        StreamSinkChannel response = exchange.getResponseChannel();
        FileTransfer transfer = new FileTransfer(exchange, file, from, count);
        response.getWriteSetter().set(transfer);
        transfer.handleEvent(response);
    }

    @Override
    public void handleEvent(StreamSinkChannel response) {
        try {
            while (position < end) {
                // Until the headers are out, Undertow reads the file from the file's position, not the given one.
                file.position(position);
                long sent = response.transferFrom(file, position, end - position);
                if (sent == 0) {
                    if (position >= file.size()) {
                        throw new IOException("live file ended early");
                    }
                    // The connection's buffer is full: wait until it can take more.
                    response.resumeWrites();
                    return;
                }
                position += sent;
            }
            response.suspendWrites();
            response.getWriteSetter().set(null);
            exchange.endExchange();
        } catch (IOException failed) {
            // Mostly a viewer that went away; the connection cannot carry this response any further.
            exchange.endExchange();
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}

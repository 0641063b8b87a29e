package org.replycast.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/** One upload to {@link LoopbackDisk}: the bytes over a plain loopback connection, then a half-close as the end. */
final class LoopbackUpload implements PacedUploads.Upload {

    private final int port;
    private Socket socket;
    private WritableByteChannel out;
    private long sent;

    LoopbackUpload(int port) {
        this.port = port;
    }

    @Override
    public void start() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        out = Channels.newChannel(socket.getOutputStream());
    }

    @Override
    public void send(ByteBuffer segment) throws IOException {
        while (segment.hasRemaining()) {
            sent += out.write(segment);
        }
    }

    /** The baseline computes no checksum: it reports the sender's own, so only the time is compared. */
    @Override
    public PacedUploads.Outcome finish(String sha256) throws IOException {
        socket.shutdownOutput();
        if (socket.getInputStream().read() != 1) {
            throw new IOException("the loopback disk closed without saying the upload is durable");
        }
        return new PacedUploads.Outcome(sent, sha256);
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Closing after the answer; nothing is lost.
        }
    }
}

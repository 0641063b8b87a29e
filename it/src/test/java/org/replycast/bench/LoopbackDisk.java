package org.replycast.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the reply benchmark: the least a server can do with an upload, on the same machine and
 * disk. Each connection's bytes go straight into a file; when the sender half-closes, the file is forced to
 * disk and one byte answers that it is durable. Files are deleted on {@link #close()}.
 */
final class LoopbackDisk implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final Path folder;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final AtomicInteger uploads = new AtomicInteger();

    private LoopbackDisk(ServerSocket server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    /** Listens on a free loopback port, writing into {@code folder} (on the disk Replycast writes to). */
    static LoopbackDisk start(Path folder) throws IOException {
        Files.createDirectories(folder);
        LoopbackDisk disk = new LoopbackDisk(new ServerSocket(0, 1024, InetAddress.getLoopbackAddress()), folder);
        disk.connections.submit(disk::accept);
        return disk;
    }

    int port() {
        return server.getLocalPort();
    }

    private Void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.submit(() -> receive(connection));
            } catch (IOException closed) {
                return null;
            }
        }
        return null;
    }

    private Void receive(Socket connection) throws IOException {
        Path file = folder.resolve("upload-" + uploads.incrementAndGet());
        try (connection;
                InputStream in = connection.getInputStream();
                FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            connection.getOutputStream().write(1);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}

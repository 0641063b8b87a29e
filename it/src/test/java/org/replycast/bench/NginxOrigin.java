package org.replycast.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nginx as the benchmarks' plain file server: started in the foreground as this process's child, with a
 * configuration generated into a temporary folder, on a free loopback port. It serves a folder of static
 * files at {@code /} and HLS folders under {@code /<prefix>/<anything>/…}, the path element after the prefix
 * standing where Replycast's token stands, so a player or a viewer uses the same URL shape on both servers.
 * Playlists are sent uncached and segments immutable, with CORS open, as Replycast's {@code /live/} does.
 */
final class NginxOrigin implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path work;
    private final int port;

    private NginxOrigin(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    /**
     * @param staticRoot served at {@code /}, or null for none
     * @param hlsFolders each prefix (such as {@code live}) and the folder served below it
     */
    static NginxOrigin start(Path nginx, Path staticRoot, Map<String, Path> hlsFolders) {
        if (!Files.isExecutable(nginx)) {
            throw new IllegalStateException(nginx + " is not there: install nginx (Debian: apt-get install nginx-light)"
                    + " or name its binary with --nginx");
        }
        try {
            Path work = Files.createTempDirectory("bench-nginx-");
            int port = freePort();
            Files.writeString(work.resolve("nginx.conf"), configuration(work, port, staticRoot, hlsFolders));
            Process process = new ProcessBuilder(
                            nginx.toString(),
                            "-p",
                            work.toString(),
                            "-c",
                            work.resolve("nginx.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("output.log").toFile())
                    .start();
            NginxOrigin origin = new NginxOrigin(process, work, port);
            origin.awaitListening();
            return origin;
        } catch (IOException e) {
            throw new IllegalStateException("could not start nginx: " + e.getMessage(), e);
        }
    }

    private static String configuration(Path work, int port, Path staticRoot, Map<String, Path> hlsFolders) {
        StringBuilder locations = new StringBuilder();
        hlsFolders.forEach((prefix, folder) -> locations.append(String.format(
                """
                        location ~ ^/%1$s/[^/]+/(?<file>.+\\.m3u8)$ {
                            alias %2$s/$file;
                            add_header Cache-Control "no-cache, no-store" always;
                            add_header Access-Control-Allow-Origin "*" always;
                        }
                        location ~ ^/%1$s/[^/]+/(?<file>.+\\.ts)$ {
                            alias %2$s/$file;
                            add_header Cache-Control "public, max-age=60, immutable" always;
                            add_header Access-Control-Allow-Origin "*" always;
                        }
                """,
                prefix, folder.toAbsolutePath())));
        if (staticRoot != null) {
            locations
                    .append("        location / { root ")
                    .append(staticRoot.toAbsolutePath())
                    .append("; }\n");
        }
        // Two workers for two cores, sendfile, no access log: nginx as one would set it up to serve files.
        return String.format(
                """
                daemon off;
                %4$s
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 16384; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 75s;
                    keepalive_requests 1000000;
                    client_body_temp_path %1$s/client-body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    types {
                        text/html html;
                        text/javascript js mjs;
                        application/json json map;
                        application/vnd.apple.mpegurl m3u8;
                        video/mp2t ts;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                %3$s    }
                }
                """,
                work,
                port,
                locations,
                // As root, nginx's workers would otherwise read as nobody, who may not enter a temporary folder.
                "root".equals(System.getProperty("user.name")) ? "user root;" : "");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** nginx's master and worker processes, for the CPU split. */
    long[] pids() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().forEach(child -> pids.add(child.pid()));
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    String output = Files.exists(work.resolve("error.log"))
                            ? Files.readString(work.resolve("error.log"))
                            : Files.readString(work.resolve("output.log"));
                    close();
                    throw new IllegalStateException("nginx did not start: " + output.strip());
                }
                Pause.of(Duration.ofMillis(100));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

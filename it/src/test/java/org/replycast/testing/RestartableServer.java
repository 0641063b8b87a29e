package org.replycast.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The second server of the system tests (the container {@code restartable} of arquillian.xml), which a test
 * starts, stops, kills and starts again itself: its data directory and its API.
 */
public final class RestartableServer {

    public static final String CONTAINER = "restartable";

    private RestartableServer() {}

    public static Path dataDirectory() {
        return Path.of(System.getProperty("replycast.it.restart.data.dir"));
    }

    public static ApiClient api() {
        return new ApiClient(
                URI.create("http://localhost:" + System.getProperty("replycast.it.restart.http.port") + "/"));
    }

    /** Deletes the data directory, so no database, timers or deployments of an earlier run come back. */
    public static void clearData() throws IOException {
        Path directory = dataDirectory();
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The server's JVM, found by its data directory on its command line. */
    public static ProcessHandle process() {
        String marker = "-Dreplycast.data.dir=" + dataDirectory();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains(marker) && line.contains("jboss-modules"))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the restartable server is not running"));
    }
}

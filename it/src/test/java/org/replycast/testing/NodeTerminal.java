package org.replycast.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A terminal written by others: Node's fetch with the npm package {@code http-message-signatures}, installed
 * once per test run with {@code npm ci} from {@code it/src/test/node} into {@code target/node}, running
 * {@code sign-and-send.mjs} for each request.
 */
public final class NodeTerminal {

    private static final List<String> FILES = List.of("package.json", "package-lock.json", "sign-and-send.mjs");
    private static final long TIMEOUT_SECONDS = 180;
    private static boolean installed;

    private NodeTerminal() {}

    /** The answer the server gave. */
    public record Response(int status, String body) {}

    /**
     * Signs and sends one request as the terminal.
     *
     * @param body a JSON body, or null for none
     * @param tamper null, or what to change after signing: {@code path} or {@code body}
     */
    public static Response send(TerminalSigner terminal, String method, String path, String body, String tamper) {
        Path dir = install();
        ProcessBuilder node = new ProcessBuilder("node", "sign-and-send.mjs").directory(dir.toFile());
        Map<String, String> env = node.environment();
        env.put("URL", ApiClient.baseUri().resolve(path).toString());
        env.put("METHOD", method);
        env.put("TERMINAL_ID", terminal.terminalId());
        env.put("TERMINAL_SECRET", terminal.secret());
        if (body != null) {
            env.put("BODY", body);
        }
        if (tamper != null) {
            env.put("TAMPER", tamper);
        }
        String output = run(node);
        try (var reader = Json.createReader(new StringReader(output))) {
            JsonObject response = reader.readObject();
            return new Response(response.getInt("status"), response.getString("body"));
        }
    }

    private static synchronized Path install() {
        Path source = Path.of(System.getProperty("replycast.it.node.source", "src/test/node"));
        Path dir = Path.of(System.getProperty("replycast.it.node.work", "target/node"));
        if (!installed) {
            try {
                Files.createDirectories(dir);
                for (String file : FILES) {
                    Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy the node test client to " + dir, e);
            }
            run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()));
            installed = true;
        }
        return dir;
    }

    private static String run(ProcessBuilder command) {
        try {
            Process process = command.redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.command() + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.command() + " failed: " + text);
            }
            return text.strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.command() + " (are node and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

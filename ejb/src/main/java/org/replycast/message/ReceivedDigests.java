package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each reply's bytes so far, computed as {@link StorageService} appends them, so that the end
 * marker does not read the whole file again. Kept in this node's memory only, as a shortcut: a digest is used
 * only when it covers exactly the bytes taken, and after a restart, a step that did not commit, or on another
 * node, the file is read instead.
 */
@ApplicationScoped
public class ReceivedDigests {

    private final Map<String, Progress> digests = new ConcurrentHashMap<>();

    /** Adds bytes appended at the offset; a digest that does not end exactly there is dropped. */
    public void appended(String messageId, long offset, byte[] bytes, int from, int length) {
        digests.compute(messageId, (id, progress) -> {
            if (offset == 0) {
                progress = new Progress(sha256(), 0);
            } else if (progress == null || progress.bytes != offset) {
                return null;
            }
            progress.digest.update(bytes, from, length);
            return new Progress(progress.digest, offset + length);
        });
    }

    /**
     * The lower-case hex SHA-256 of the reply's first bytes, if this node saw every one of them appended; the
     * digest is forgotten either way.
     */
    public Optional<String> take(String messageId, long length) {
        Progress progress = digests.remove(messageId);
        if (progress == null || progress.bytes != length) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(progress.digest.digest()));
    }

    /** Forgets the reply's digest (its bytes were removed). */
    public void forget(String messageId) {
        digests.remove(messageId);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A digest over the first {@code bytes} bytes. */
    private record Progress(MessageDigest digest, long bytes) {}
}

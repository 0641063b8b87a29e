package org.replycast.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.replycast.data.DataDirectory;

/**
 * The files of reply messages in the data directory: {@code messages/<channelId>/<messageId>.part} while a
 * message is received, renamed to {@code <messageId>.media} once stored, and beside it the display copy,
 * {@code <messageId>.mp4} and {@code <messageId>.jpg}; all removed with the message. Every write is forced to the disk
 * before it returns, and so is every new or renamed name, so that what the database says is there survives a
 * crash. Paths are kept relative to the data directory, which may be a volume shared by several nodes.
 */
@ApplicationScoped
public class MessageFiles {

    static final String FOLDER = "messages";

    @Inject
    DataDirectory dataDirectory;

    /** Where a new message's bytes grow; channel and message ids follow the identifier rule. */
    public String partOf(String channelId, String messageId) {
        return FOLDER + "/" + channelId + "/" + messageId + ".part";
    }

    /** Where a stored message's bytes are kept. */
    public String storedOf(String channelId, String messageId) {
        return FOLDER + "/" + channelId + "/" + messageId + ".media";
    }

    /** Where the playable copy of a stored message is made. */
    public String playableOf(String channelId, String messageId) {
        return FOLDER + "/" + channelId + "/" + messageId + ".mp4";
    }

    /** Where the thumbnail of a stored message is made. */
    public String thumbnailOf(String channelId, String messageId) {
        return FOLDER + "/" + channelId + "/" + messageId + ".jpg";
    }

    /** The absolute path of a relative one. */
    public Path resolve(String relative) {
        return dataDirectory.resolve(relative);
    }

    /** Creates the empty file, and its folder, unless it exists. */
    public void create(String relative) throws IOException {
        Path file = resolve(relative);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        forceFolder(file.getParent());
    }

    /**
     * Writes a part at its offset and forces it to the disk before returning, so that the file's length is the
     * count of bytes durably received. A part may overlap the end (one delivered again after a crash): its bytes
     * are written over the same bytes, which also mends a tail that the crash left torn.
     *
     * @return the file's length before the write
     * @throws IllegalStateException when the offset lies beyond the end (a gap), writing nothing
     */
    public long write(String relative, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(resolve(relative), StandardOpenOption.WRITE)) {
            long before = channel.size();
            if (offset > before) {
                throw new IllegalStateException(
                        relative + " has " + before + " bytes; a part at " + offset + " would leave a gap");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = offset;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            return before;
        }
    }

    /** How many bytes the file has; 0 when it is not there. */
    public long length(String relative) throws IOException {
        Path file = resolve(relative);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** When the file was last written; null when it is not there. */
    public Instant modifiedAt(String relative) throws IOException {
        Path file = resolve(relative);
        return Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : null;
    }

    /**
     * The bytes a message has now: while it is received, its file's length (the file counts them as they
     * arrive); otherwise the count its row recorded.
     */
    public long bytesOf(Message message) {
        if (message.getState() != MessageState.RECEIVING || message.getMediaPath() == null) {
            return message.getBytes();
        }
        try {
            return Math.max(message.getBytes(), Files.size(resolve(message.getMediaPath())));
        } catch (IOException movedOrRemoved) {
            return message.getBytes();
        }
    }

    /** The lower-case hex SHA-256 of the file's bytes, read as a stream. */
    public String sha256(String relative) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(resolve(relative)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Renames the file into place (atomically, in its folder) and forces the new name to the disk. */
    public void move(String from, String to) throws IOException {
        Path target = resolve(to);
        Files.move(resolve(from), target, StandardCopyOption.ATOMIC_MOVE);
        forceFolder(target.getParent());
    }

    public boolean exists(String relative) {
        return Files.exists(resolve(relative));
    }

    /** Removes the file, if it is there. */
    public void delete(String relative) throws IOException {
        Files.deleteIfExists(resolve(relative));
    }

    /**
     * Removes every file of the message, {@code messages/<channelId>/<messageId>.*} (the part, the stored bytes
     * and any copies made of them), and forces the folder, so that no removed name comes back after a crash.
     */
    public void deleteAll(String channelId, String messageId) throws IOException {
        Path folder = resolve(FOLDER + "/" + channelId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        String prefix = messageId + ".";
        // Exactly one extension after the id: ids may hold dots, and another message's id may begin with this one.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, file -> {
            String name = file.getFileName().toString();
            return name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0;
        })) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        forceFolder(folder);
    }

    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

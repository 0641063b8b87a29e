package org.replycast.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.replycast.data.DataDirectory;
import org.replycast.problem.ProblemException;

/** The media worker's job on real files with the bundled ffmpeg, without a container: made once, then found. */
class DisplayCopyServiceTest {

    private static final String SHA256 = "a".repeat(64);

    @TempDir
    Path dataDirectory;

    private final Map<String, Message> rows = new HashMap<>();
    private final DisplayCopyService copies = new DisplayCopyService();
    private Message message;

    @BeforeEach
    void aStoredReplyWithoutVideo() throws Exception {
        MessageRepository repository = new MessageRepository() {
            @Override
            public Optional<Message> findById(String messageId) {
                return Optional.ofNullable(rows.get(messageId));
            }
        };
        MessageFiles files = new MessageFiles();
        files.dataDirectory = new DataDirectory() {
            @Override
            public Path resolve(String place) {
                return dataDirectory.resolve(place);
            }
        };
        copies.messages = repository;
        copies.files = files;
        copies.storage = new StorageService();
        copies.storage.messages = repository;
        copies.timeout = Duration.ofMinutes(1);

        message = new Message("m-1", "call-1", "hall-1", "T-1", "audio/wav", null, Instant.now());
        message.receive("messages/hall-1/m-1.part", "session-1", null);
        byte[] tone = TestWav.tone(1);
        message.countReceived(tone.length);
        message.moveBytes("messages/hall-1/m-1.media");
        message.store(tone.length, SHA256, 1000L, Instant.now());
        Files.createDirectories(dataDirectory.resolve("messages/hall-1"));
        Files.write(dataDirectory.resolve("messages/hall-1/m-1.media"), tone);
        rows.put("m-1", message);
    }

    @Test
    void aJobMakesThePlayableCopyAndThumbnailBesideTheOriginalAndRecordsThem() throws Exception {
        byte[] original = Files.readAllBytes(dataDirectory.resolve("messages/hall-1/m-1.media"));

        copies.make("m-1", false);

        assertTrue(message.hasDisplayCopy());
        assertEquals("messages/hall-1/m-1.mp4", message.getPlayablePath());
        assertEquals("messages/hall-1/m-1.jpg", message.getThumbnailPath());
        assertEquals(false, message.getHasVideo());
        assertTrue(Files.size(dataDirectory.resolve("messages/hall-1/m-1.mp4")) > 0);
        assertTrue(Files.size(dataDirectory.resolve("messages/hall-1/m-1.jpg")) > 0);
        assertArrayEquals(
                original,
                Files.readAllBytes(dataDirectory.resolve("messages/hall-1/m-1.media")),
                "the original is untouched");

        DisplayCopyService.Copy playable = copies.find("m-1", false);
        assertEquals("audio/mp4", playable.contentType());
        assertEquals(dataDirectory.resolve("messages/hall-1/m-1.mp4"), playable.file());
        assertEquals("image/jpeg", copies.find("m-1", true).contentType());
    }

    @Test
    void aJobAskedForAgainAtStartProbesWhetherTheReplyHasVideo() throws Exception {
        copies.make("m-1", null);

        assertEquals(false, message.getHasVideo());
        assertEquals("audio/mp4", copies.find("m-1", false).contentType());
    }

    @Test
    void aRedeliveredJobThatFindsTheCopyMadeChangesNothing() throws Exception {
        copies.make("m-1", false);
        Path playable = dataDirectory.resolve("messages/hall-1/m-1.mp4");
        FileTime made = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(playable, made);

        copies.make("m-1", false);

        assertEquals(made, Files.getLastModifiedTime(playable));
    }

    @Test
    void aJobThatFailsThrowsAndRecordsNothing() throws Exception {
        Files.write(dataDirectory.resolve("messages/hall-1/m-1.media"), new byte[] {1, 2, 3});

        IOException failed = assertThrows(IOException.class, () -> copies.make("m-1", false));

        assertTrue(failed.getMessage().startsWith("message m-1: display copy failed after "), failed.getMessage());

        assertFalse(message.hasDisplayCopy());
        assertFalse(Files.exists(dataDirectory.resolve("messages/hall-1/m-1.mp4")));
        assertThrows(IllegalArgumentException.class, () -> copies.make("no-such-message", false));
    }

    @Test
    void theCopyIsNotFoundUntilItIsMadeNorForAnUnknownMessage() {
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> copies.find("m-1", false))
                        .type()
                        .status());
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> copies.find("other", true))
                        .type()
                        .status());
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> copies.find("../x", true))
                        .type()
                        .status());
    }
}

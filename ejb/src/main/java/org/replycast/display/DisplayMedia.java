package org.replycast.display;

import java.nio.file.Path;

/** The stored bytes of a message that a display may play, with the media type to serve them as. */
public record DisplayMedia(Path file, String contentType) {}

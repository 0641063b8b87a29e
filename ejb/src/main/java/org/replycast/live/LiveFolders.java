package org.replycast.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.replycast.data.DataDirectory;

/**
 * Where each channel's live HLS ladder is written and read: {@code live/<channelId>/} in the data directory,
 * with the master playlist {@code index.m3u8} and one folder per rendition ({@code 0/}, {@code 1/}, ...).
 * Channel ids follow the identifier rule, so they are safe as folder names.
 */
@ApplicationScoped
public class LiveFolders {

    @Inject
    DataDirectory dataDirectory;

    public Path root() {
        return dataDirectory.resolve("live");
    }

    public Path of(String channelId) {
        return root().resolve(channelId);
    }
}

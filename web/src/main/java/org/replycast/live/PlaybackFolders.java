package org.replycast.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.replycast.call.CallTokens;
import org.replycast.call.ConnectedCall;

/**
 * Which channel's live folder a playback token opens, as {@link SegmentHandler} asks it: from the memory of
 * connected calls alone, which never blocks, or also from the database. Undertow builds that handler outside
 * CDI, so this bean hands itself to it through the servlet context when the web application starts.
 */
@ApplicationScoped
public class PlaybackFolders {

    static final String ATTRIBUTE = PlaybackFolders.class.getName();

    @Inject
    CallTokens tokens;

    @Inject
    LiveFolders folders;

    // Each channel's folder, built once: on every live request it would otherwise cost two bean proxies and
    // two path resolutions. Channels are few and their folders never move.
    private final Map<String, Path> channelFolders = new ConcurrentHashMap<>();

    void publish(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    /** The folder of the connected call that memory holds for the token; empty when memory does not know it. */
    Optional<Path> remembered(String token) {
        return tokens.rememberedByPlaybackToken(token).map(this::folderOf);
    }

    /** The folder of the token's connected call, reading the database when memory does not know it; blocks. */
    Optional<Path> lookUp(String token) {
        return tokens.byPlaybackToken(token).map(this::folderOf);
    }

    private Path folderOf(ConnectedCall call) {
        return channelFolders.computeIfAbsent(call.channelId(), folders::of);
    }
}

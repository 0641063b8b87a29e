package org.replycast.live;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.replycast.channel.ChannelService;
import org.replycast.problem.ProblemException;

/**
 * The dashboard's thumbnails: a channel's live HLS ladder at {@code /console/live/{channelId}/...} for the
 * signed-in admins and operators ({@code web.xml}), without a call's playback token. The same files as {@link
 * SegmentHandler} serves, named by the same {@link LivePath} rules; anything else is 404.
 */
@WebServlet("/console/live/*")
public class ConsoleLiveServlet extends HttpServlet {

    private static final String PREFIX = "/console/live/";

    @Inject
    ChannelService channelService;

    @Inject
    LiveFolders folders;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Path> file = fileOf(request);
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file.get());
            response.setContentType(
                    file.get().getFileName().toString().equals(LivePath.PLAYLIST)
                            ? LivePath.PLAYLIST_TYPE
                            : LivePath.SEGMENT_TYPE);
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (NoSuchFileException gone) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // not written yet, or rotated away meanwhile
        }
    }

    /** The file that the path (as sent) names in the folder of an existing channel; only then. */
    private Optional<Path> fileOf(HttpServletRequest request) {
        String prefix = request.getContextPath() + PREFIX;
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = uri.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        String channelId = rest.substring(0, slash);
        Optional<LivePath> path = LivePath.inChannelFolder(rest.substring(slash + 1));
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Only an existing channel's id names a folder, so no ".." or other made-up id reaches the disk.
            String existing = channelService.find(channelId).getChannelId();
            return Optional.of(path.get().fileIn(folders.of(existing)));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }
}

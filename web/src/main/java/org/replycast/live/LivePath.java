package org.replycast.live;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path below {@code /live/} that names a file of a call's HLS ladder: the master playlist
 * {@code {token}/index.m3u8}, a media playlist {@code {token}/{n}/index.m3u8} or a segment
 * {@code {token}/{n}/segment{m}.ts}. It is read from the path exactly as sent, before any decoding or
 * normalisation, and a file path is only ever built from the parts this pattern let through.
 *
 * @param rendition the rendition's folder, digits only; null for the master playlist
 * @param segment the segment's file name; null for a playlist
 */
record LivePath(String token, String rendition, String segment) {

    static final String PREFIX = "/live/";
    static final String PLAYLIST = "index.m3u8";
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String SEGMENT_TYPE = "video/mp2t";

    // Token characters as CallTokens hands them out (base64url), at most as long as it looks up.
    private static final String FILE = "(?:index\\.m3u8|([0-9]{1,3})/(?:index\\.m3u8|(segment[0-9]{1,10}\\.ts)))";
    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9_-]{1,128})/" + FILE);
    private static final Pattern FILE_FORM = Pattern.compile(FILE);

    /**
     * The live file that a request's URI (as sent, without the query) names below the context path; empty for
     * any other path, including any with percent-encoding, dot segments, path parameters or extra slashes.
     */
    static Optional<LivePath> of(String contextPath, String requestUri) {
        String prefix = contextPath + PREFIX;
        if (requestUri == null || !requestUri.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(requestUri.substring(prefix.length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LivePath(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /**
     * The live file that a path relative to a channel's folder names, for the console, which finds the
     * folder by the channel; empty for any other path. The token is null.
     */
    static Optional<LivePath> inChannelFolder(String relativePath) {
        if (relativePath == null) {
            return Optional.empty();
        }
        Matcher matcher = FILE_FORM.matcher(relativePath);
        return matcher.matches()
                ? Optional.of(new LivePath(null, matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    boolean isSegment() {
        return segment != null;
    }

    String contentType() {
        return isSegment() ? SEGMENT_TYPE : PLAYLIST_TYPE;
    }

    /** Without the token, which is a credential and must not reach a log. */
    @Override
    public String toString() {
        return rendition == null ? PLAYLIST : rendition + "/" + (isSegment() ? segment : PLAYLIST);
    }

    /** The file in the channel's live folder. */
    Path fileIn(Path channelFolder) {
        if (rendition == null) {
            return channelFolder.resolve(PLAYLIST);
        }
        return channelFolder.resolve(rendition).resolve(isSegment() ? segment : PLAYLIST);
    }
}

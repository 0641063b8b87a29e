package org.replycast.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path below {@code /gateway/} that the tus endpoint answers: {@code <token>/tus/} (the uploads of a call,
 * where a {@code POST} creates one) or {@code <token>/tus/<messageId>} (one upload). Anything else, including
 * ids with path characters, is not a tus path.
 */
record TusPath(String token, String messageId) {

    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,128})/tus/([A-Za-z0-9-]{1,64})?");

    /** @param pathInfo the request's path below the servlet's {@code /gateway} */
    static Optional<TusPath> parse(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        Matcher matcher = PATH.matcher(pathInfo);
        return matcher.matches() ? Optional.of(new TusPath(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Whether the path names the call's uploads rather than one of them. */
    boolean isCollection() {
        return messageId == null;
    }

    /** The path of one of the call's uploads, as the {@code Location} of its creation. */
    String uploadPath(String contextPath, String id) {
        return contextPath + "/gateway/" + token + "/tus/" + id;
    }
}

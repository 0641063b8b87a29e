package org.replycast.auth;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An HTTP request as the signature verifier sees it, built by the web module from the request as received:
 * the method, the scheme and authority of the target URI, the path and query exactly as sent (still
 * percent-encoded), the header fields and the body.
 *
 * @param rawQuery the query without its {@code ?}, or null when the target has none
 * @param fields the lines of a header field by its lower-case name, each line one entry; empty or null when
 *     absent
 */
public record SignedRequest(
        String method,
        String scheme,
        String authority,
        String rawPath,
        String rawQuery,
        Function<String, List<String>> fields,
        byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(fields, "fields");
        body = body == null ? new byte[0] : body;
    }

    /** The lines of a header field, empty when the request does not have it. */
    public List<String> field(String lowerCaseName) {
        List<String> lines = fields.apply(lowerCaseName);
        return lines == null ? List.of() : lines;
    }

    public boolean hasQuery() {
        return rawQuery != null && !rawQuery.isEmpty();
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}

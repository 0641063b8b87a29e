package org.replycast.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Upload-Metadata} header of a tus creation request: comma-separated pairs of a key and its
 * Base64 value (the value may be left out). The gateway reads the reply's content type and title from it,
 * under the names tus clients use ({@code filetype}, {@code contentType}, {@code title}, {@code filename}).
 */
record TusMetadata(Map<String, String> values) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e&&[^,]]+");

    /**
     * Reads the header; an absent header is empty metadata.
     *
     * @throws IllegalArgumentException saying what is wrong: a key with spaces or commas, a repeated key, a
     *     value that is not Base64 or not UTF-8 text
     */
    static TusMetadata parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new TusMetadata(values);
        }
        for (String pair : header.split(",", -1)) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(
                        "Upload-Metadata must be pairs of a key and a Base64 value: " + "\"" + pair.strip() + "\"");
            }
            String value = parts.length == 2 ? decode(parts[0], parts[1]) : "";
            if (values.putIfAbsent(parts[0], value) != null) {
                throw new IllegalArgumentException("Upload-Metadata names " + parts[0] + " twice");
            }
        }
        return new TusMetadata(values);
    }

    /** The first of the keys that is present with a value that is not blank. */
    Optional<String> first(String... keys) {
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String decode(String key, String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            // A strict decoder: malformed UTF-8 is refused rather than turned into replacement characters.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new IllegalArgumentException("Upload-Metadata value of " + key + " is not Base64 of UTF-8 text");
        }
    }
}

package org.replycast.auth;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8941 structured field values, as far as HTTP Message Signatures and Digest Fields need them: parsing a
 * dictionary whose members are items or inner lists with parameters, and serializing an inner list. Bare
 * items become {@link Long}, {@link BigDecimal}, {@link String}, {@link Token}, {@code byte[]} or
 * {@link Boolean}.
 */
final class StructuredFields {

    /** A dictionary member: an item or an inner list, each with its parameters in received order. */
    sealed interface Member permits Item, InnerList {
        Map<String, Object> parameters();
    }

    record Item(Object value, Map<String, Object> parameters) implements Member {}

    record InnerList(List<Item> items, Map<String, Object> parameters) implements Member {}

    /** An sf-token, kept apart from an sf-string because the two serialize differently. */
    record Token(String value) {}

    private final String input;
    private int position;

    private StructuredFields(String input) {
        this.input = input;
    }

    /**
     * Parses a dictionary (RFC 8941 §4.2.2); a key given twice keeps its last value, as the RFC says.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static Map<String, Member> parseDictionary(String value) {
        StructuredFields parser = new StructuredFields(value);
        parser.skipSpaces();
        Map<String, Member> dictionary = new LinkedHashMap<>();
        while (!parser.atEnd()) {
            String key = parser.key();
            Member member;
            if (!parser.atEnd() && parser.peek() == '=') {
                parser.position++;
                member = !parser.atEnd() && parser.peek() == '(' ? parser.innerList() : parser.item();
            } else {
                member = new Item(Boolean.TRUE, parser.parameters());
            }
            dictionary.remove(key); // a repeated key moves to its last position
            dictionary.put(key, member);
            parser.skipWhitespace();
            if (parser.atEnd()) {
                return Collections.unmodifiableMap(dictionary);
            }
            parser.expect(',');
            parser.skipWhitespace();
            if (parser.atEnd()) {
                throw parser.malformed("a trailing comma");
            }
        }
        return Collections.unmodifiableMap(dictionary);
    }

    /** The canonical serialization of an inner list (RFC 8941 §4.1.1), parameters in their order. */
    static String serialize(InnerList list) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            Item item = list.items().get(i);
            serializeBareItem(item.value(), out);
            serializeParameters(item.parameters(), out);
        }
        out.append(')');
        serializeParameters(list.parameters(), out);
        return out.toString();
    }

    private static void serializeParameters(Map<String, Object> parameters, StringBuilder out) {
        parameters.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=');
                serializeBareItem(value, out);
            }
        });
    }

    private static void serializeBareItem(Object value, StringBuilder out) {
        if (value instanceof Long integer) {
            out.append(integer);
        } else if (value instanceof BigDecimal decimal) {
            String plain = decimal.stripTrailingZeros().toPlainString();
            out.append(plain.contains(".") ? plain : plain + ".0");
        } else if (value instanceof String string) {
            out.append('"');
            for (char c : string.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof Token token) {
            out.append(token.value());
        } else if (value instanceof byte[] bytes) {
            out.append(':').append(Base64.getEncoder().encodeToString(bytes)).append(':');
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "?1" : "?0");
        } else {
            throw new IllegalArgumentException("not a structured field value: " + value);
        }
    }

    private InnerList innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd()) {
                throw malformed("an inner list without ')'");
            }
            if (peek() == ')') {
                position++;
                return new InnerList(List.copyOf(items), parameters());
            }
            items.add(item());
            if (!atEnd() && peek() != ' ' && peek() != ')') {
                throw malformed("items of an inner list not separated by a space");
            }
        }
    }

    private Item item() {
        return new Item(bareItem(), parameters());
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        while (!atEnd() && peek() == ';') {
            position++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (!atEnd() && peek() == '=') {
                position++;
                value = bareItem();
            }
            parameters.remove(key);
            parameters.put(key, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    private String key() {
        int start = position;
        if (atEnd() || !(isLowerAlpha(peek()) || peek() == '*')) {
            throw malformed("a key that does not start with a lower-case letter or '*'");
        }
        position++;
        while (!atEnd() && isKeyChar(peek())) {
            position++;
        }
        return input.substring(start, position);
    }

    private Object bareItem() {
        if (atEnd()) {
            throw malformed("a missing value");
        }
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        } else if (c == '"') {
            return string();
        } else if (c == ':') {
            return byteSequence();
        } else if (c == '?') {
            return bool();
        } else if (c == '*' || isAlpha(c)) {
            return token();
        }
        throw malformed("an unexpected '" + c + "'");
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digitsStart = position;
        int dot = -1;
        while (!atEnd() && (isDigit(peek()) || (peek() == '.' && dot < 0))) {
            if (peek() == '.') {
                dot = position;
            }
            position++;
        }
        String number = input.substring(start, position);
        if (dot < 0) {
            if (position == digitsStart || position - digitsStart > 15) {
                throw malformed("an integer of more than 15 digits or none");
            }
            return Long.parseLong(number);
        }
        int integerDigits = dot - digitsStart;
        int fractionDigits = position - dot - 1;
        if (integerDigits < 1 || integerDigits > 12 || fractionDigits < 1 || fractionDigits > 3) {
            throw malformed("a decimal out of range");
        }
        return new BigDecimal(number);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(position++);
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\')) {
                    throw malformed("a string with a bad escape");
                }
                out.append(input.charAt(position++));
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw malformed("a string with a character outside printable ASCII");
            } else {
                out.append(c);
            }
        }
        throw malformed("a string without its closing quote");
    }

    private Token token() {
        int start = position;
        position++;
        while (!atEnd() && isTokenChar(peek())) {
            position++;
        }
        return new Token(input.substring(start, position));
    }

    private byte[] byteSequence() {
        expect(':');
        int end = input.indexOf(':', position);
        if (end < 0) {
            throw malformed("a byte sequence without its closing ':'");
        }
        String encoded = input.substring(position, end);
        for (char c : encoded.toCharArray()) {
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw malformed("a byte sequence that is not base64");
            }
        }
        position = end + 1;
        try {
            return Base64.getDecoder().decode(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw malformed("a byte sequence that is not base64");
        }
    }

    private Boolean bool() {
        expect('?');
        if (!atEnd() && (peek() == '0' || peek() == '1')) {
            return input.charAt(position++) == '1';
        }
        throw malformed("a boolean other than ?0 or ?1");
    }

    private void expect(char expected) {
        if (atEnd() || peek() != expected) {
            throw malformed("'" + expected + "' expected");
        }
        position++;
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException(what + " at character " + (position + 1));
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private char peek() {
        return input.charAt(position);
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            position++;
        }
    }

    private void skipWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            position++;
        }
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return isLowerAlpha(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isKeyChar(char c) {
        return isLowerAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    /** tchar of RFC 9110, plus ':' and '/' as RFC 8941 allows in tokens. */
    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
    }
}

package org.replycast.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * A JSON object from a request body, read strictly: anything that is not JSON, a field the resource does
 * not know, a repeated field or a value of the wrong type is refused as {@code invalid}, naming the field,
 * so that a typo never passes as "left as it is". Nested objects are read the same way, named by their path
 * such as {@code schedule.windows[0].day}. Absent fields and JSON null both read as null; {@link #has} and
 * {@link #clearable} tell them apart where a PATCH must.
 */
public final class JsonBody {

    /** The largest body the admin API reads: ample for any setting, small enough to refuse abuse early. */
    public static final int MAX_BYTES = 64 * 1024;

    // No key strategy: a field given twice is an error, not a silent choice of one of the values.
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private final JsonObject object;
    private final String path;

    private JsonBody(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * Reads the body as a JSON object with only the given fields.
     *
     * @throws ProblemException {@code invalid} for an empty body, malformed JSON, something other than an
     *     object or an unknown field; {@code too-large} past {@link #MAX_BYTES}
     */
    public static JsonBody read(InputStream body, String... fields) {
        byte[] bytes = bytesOf(body);
        if (bytes.length == 0) {
            throw invalid("Send the request body as a JSON object.");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException malformed) {
            throw invalid("The request body is not valid JSON, or gives a field twice.");
        }
        return of(value, "", Set.of(fields));
    }

    private static byte[] bytesOf(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(
                        ProblemType.TOO_LARGE, "The request body is over " + MAX_BYTES + " bytes; send less.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonBody of(JsonValue value, String path, Set<String> fields) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid((path.isEmpty() ? "The request body" : path) + " must be a JSON object.");
        }
        JsonObject object = value.asJsonObject();
        for (String key : object.keySet()) {
            if (!fields.contains(key)) {
                throw invalid(
                        nameOf(path, key) + " is not a field here; the fields are " + new TreeSet<>(fields) + ".");
            }
        }
        return new JsonBody(object, path);
    }

    /** Tells whether the field is in the object, with any value, null included. */
    public boolean has(String field) {
        return object.containsKey(field);
    }

    /**
     * For a PATCH of a field that may be cleared: null when the field is absent (left as it is), empty when it
     * is JSON null (cleared), else the value as the reader reads it.
     */
    public <T> Optional<T> clearable(String field, Function<String, T> reader) {
        return has(field) ? Optional.ofNullable(reader.apply(field)) : null;
    }

    /** Refuses JSON null for fields that a PATCH may change but not clear. */
    public void refuseNull(String... fields) {
        for (String field : fields) {
            if (has(field) && object.isNull(field)) {
                throw invalid(name(field) + " must not be null.");
            }
        }
    }

    public String string(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw invalid(name(field) + " must be a string.");
    }

    public Integer integer(String field) {
        return number(field, "a whole number up to " + Integer.MAX_VALUE, BigDecimal::intValueExact);
    }

    public Long longInteger(String field) {
        return number(field, "a whole number up to " + Long.MAX_VALUE, BigDecimal::longValueExact);
    }

    public Boolean bool(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw invalid(name(field) + " must be true or false.");
    }

    /** A string that names one of the enum's constants, exactly as the constant is spelled. */
    public <E extends Enum<E>> E constant(String field, Class<E> type) {
        return parsed(
                field,
                text -> Enum.valueOf(type, text),
                "one of " + Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", ""));
    }

    /**
     * A string that the parser turns into a value.
     *
     * @param expected what the field must be, for the client, such as {@code a time such as 14:00}
     */
    public <T> T parsed(String field, Function<String, T> parser, String expected) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException unparsable) {
            throw invalid(name(field) + " must be " + expected + ".");
        }
    }

    /** An array of strings, each of them a string, none null. */
    public List<String> strings(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
        throw invalid(name(field) + " must be an array of strings.");
    }

    /** A nested object with only the given fields. */
    public JsonBody object(String field, String... fields) {
        JsonValue value = value(field);
        return value == null ? null : of(value, name(field), Set.of(fields));
    }

    /** An array of nested objects, each with only the given fields. */
    public List<JsonBody> objects(String field, String... fields) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(name(field) + " must be an array.");
        }
        List<JsonBody> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            entries.add(of(array.get(i), name(field) + "[" + i + "]", Set.of(fields)));
        }
        return entries;
    }

    private <T> T number(String field, String expected, Function<BigDecimal, T> exact) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            try {
                return exact.apply(number.bigDecimalValue());
            } catch (ArithmeticException notWhole) {
                // falls through to the refusal below
            }
        }
        throw invalid(name(field) + " must be " + expected + ".");
    }

    /** The field's value, or null when it is absent or JSON null. */
    private JsonValue value(String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private String name(String field) {
        return nameOf(path, field);
    }

    private static String nameOf(String path, String field) {
        // A client's field name is cut, so a refusal never repeats a huge key back.
        String shown = field.length() > 64 ? field.substring(0, 64) + "…" : field;
        return path.isEmpty() ? shown : path + "." + shown;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID, detail);
    }
}

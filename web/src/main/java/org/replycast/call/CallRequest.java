package org.replycast.call;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Set;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * The body of {@code POST /api/v1/calls}, read strictly: a JSON object with a string {@code channelId} and
 * an optional string {@code destinationTerminalId}; any other field is refused by name rather than ignored.
 */
record CallRequest(String channelId, String destinationTerminalId) {

    private static final Set<String> FIELDS = Set.of("channelId", "destinationTerminalId");
    private static final String SHAPE =
            "Send {\"channelId\": \"...\", \"destinationTerminalId\": \"...\"}" + " (destinationTerminalId optional).";

    /** @throws ProblemException {@code invalid}, naming the field when one is at fault */
    static CallRequest parse(byte[] body) {
        JsonObject json = object(body);
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw invalid("Unknown field " + quoted(field) + ". " + SHAPE);
            }
        }
        String channelId = string(json, "channelId");
        if (channelId == null) {
            throw invalid("channelId is required. " + SHAPE);
        }
        return new CallRequest(channelId, string(json, "destinationTerminalId"));
    }

    private static JsonObject object(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("The body is empty. " + SHAPE);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("The body must be a JSON object. " + SHAPE);
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException notJson) {
            throw invalid("The body is not valid JSON. " + SHAPE);
        }
    }

    private static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw invalid(field + " must be a string.");
    }

    private static String quoted(String field) {
        // The name is the client's text: shown cut short, so a detail never grows with the request.
        return "\"" + (field.length() > 64 ? field.substring(0, 64) + "…" : field) + "\"";
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID, detail);
    }
}

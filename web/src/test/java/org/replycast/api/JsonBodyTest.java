package org.replycast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** A request body is read strictly: every refusal is invalid (or too-large) and names what is wrong. */
class JsonBodyTest {

    private static JsonBody read(String json, String... fields) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), fields);
    }

    private static ProblemException refusal(String json, String... fields) {
        return assertThrows(ProblemException.class, () -> read(json, fields));
    }

    private static void assertInvalidNaming(String field, ProblemException problem) {
        assertEquals(ProblemType.INVALID, problem.type());
        assertTrue(problem.detail().contains(field), problem.detail());
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertInvalidNaming("displayNmae", refusal("{\"displayNmae\":\"x\"}", "displayName"));
    }

    @Test
    void malformedJsonAnEmptyBodyAndANonObjectAreRefused() {
        assertEquals(ProblemType.INVALID, refusal("{\"a\": ", "a").type());
        assertEquals(ProblemType.INVALID, refusal("", "a").type());
        assertEquals(ProblemType.INVALID, refusal("not json", "a").type());
        assertEquals(ProblemType.INVALID, refusal("[1]", "a").type());
        assertEquals(ProblemType.INVALID, refusal("null", "a").type());
    }

    @Test
    void anArrayOfStringsIsReadAndAnythingElseRefusedByName() {
        JsonBody body = read(
                "{\"words\":[\"spam\",\"bad words\"],\"mixed\":[\"a\",1],\"text\":\"a\"}", "words", "mixed", "text");

        assertEquals(List.of("spam", "bad words"), body.strings("words"));
        assertInvalidNaming("mixed", assertThrows(ProblemException.class, () -> body.strings("mixed")));
        assertInvalidNaming("text", assertThrows(ProblemException.class, () -> body.strings("text")));
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertEquals(ProblemType.INVALID, refusal("{\"a\":1,\"a\":2}", "a").type());
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String huge = "{\"a\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";

        assertEquals(ProblemType.TOO_LARGE, refusal(huge, "a").type());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByName() {
        JsonBody body =
                read("{\"n\":\"5\",\"s\":5,\"b\":\"true\",\"f\":1.5,\"big\":3000000000}", "n", "s", "b", "f", "big");

        assertInvalidNaming("n", assertThrows(ProblemException.class, () -> body.integer("n")));
        assertInvalidNaming("s", assertThrows(ProblemException.class, () -> body.string("s")));
        assertInvalidNaming("b", assertThrows(ProblemException.class, () -> body.bool("b")));
        assertInvalidNaming("f", assertThrows(ProblemException.class, () -> body.integer("f")));
        assertInvalidNaming("big", assertThrows(ProblemException.class, () -> body.integer("big")));
        assertEquals(3_000_000_000L, body.longInteger("big"));
    }

    @Test
    void absentAndNullReadAsNullButAClearableFieldTellsThemApart() {
        JsonBody body = read("{\"cleared\":null,\"set\":7}", "cleared", "set", "absent");

        assertNull(body.integer("cleared"));
        assertNull(body.integer("absent"));
        assertNull(body.clearable("absent", body::integer));
        assertEquals(Optional.empty(), body.clearable("cleared", body::integer));
        assertEquals(Optional.of(7), body.clearable("set", body::integer));
    }

    @Test
    void nullIsRefusedForAFieldThatMayNotBeCleared() {
        JsonBody body = read("{\"name\":null}", "name", "other");

        body.refuseNull("other");
        assertInvalidNaming("name", assertThrows(ProblemException.class, () -> body.refuseNull("other", "name")));
    }

    @Test
    void aConstantMustBeSpelledAsTheEnumSpellsIt() {
        JsonBody body = read("{\"mode\":\"manual\",\"ok\":\"MANUAL\"}", "mode", "ok");

        ProblemException problem = assertThrows(ProblemException.class, () -> body.constant("mode", Mode.class));
        assertInvalidNaming("mode", problem);
        assertTrue(problem.detail().contains("AUTO, MANUAL"), problem.detail());
        assertEquals(Mode.MANUAL, body.constant("ok", Mode.class));
    }

    @Test
    void nestedObjectsAreStrictAndNamedByTheirPath() {
        JsonBody body = read("{\"outer\":{\"list\":[{\"x\":1},{\"y\":2}]}}", "outer");
        JsonBody outer = body.object("outer", "list");

        ProblemException problem = assertThrows(ProblemException.class, () -> outer.objects("list", "x"));

        assertInvalidNaming("outer.list[1].y", problem);
    }

    @Test
    void aLongUnknownFieldNameIsCutInTheRefusal() {
        String key = "k".repeat(5000);

        ProblemException problem = refusal("{\"" + key + "\":1}", "a");

        assertFalse(problem.detail().contains(key));
    }

    private enum Mode {
        AUTO,
        MANUAL
    }
}

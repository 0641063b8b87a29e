package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.replycast.auth.StructuredFields.InnerList;
import org.replycast.auth.StructuredFields.Item;
import org.replycast.auth.StructuredFields.Member;
import org.replycast.auth.StructuredFields.Token;

/** The RFC 8941 dictionaries and inner lists that signatures and digests are written in. */
class StructuredFieldsTest {

    @Test
    void aDictionaryOfAnInnerListWithParametersAndAByteSequence() {
        Map<String, Member> dictionary =
                StructuredFields.parseDictionary("a=(\"x\" \"y\";p);n=5;s=\"t\" ,\tb=:AQID:, c");

        InnerList a = (InnerList) dictionary.get("a");
        assertEquals(List.of("x", "y"), a.items().stream().map(Item::value).toList());
        assertEquals(Map.of("p", true), a.items().get(1).parameters());
        assertEquals(5L, a.parameters().get("n"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((Item) dictionary.get("b")).value());
        assertEquals(true, ((Item) dictionary.get("c")).value());
        assertEquals(List.of("a", "b", "c"), List.copyOf(dictionary.keySet()));
    }

    @Test
    void everyBareItemTypeSerializesCanonically() {
        InnerList list = (InnerList)
                StructuredFields.parseDictionary("l=( \"q\\\"b\\\\s\"  tok/en:x 42 -7 1.50 ?0 ?1 :AQID: );a;b=?0;c=2.0")
                        .get("l");

        assertEquals(new Token("tok/en:x"), list.items().get(1).value());
        assertEquals(new BigDecimal("1.50"), list.items().get(4).value());
        assertEquals(
                "(\"q\\\"b\\\\s\" tok/en:x 42 -7 1.5 ?0 ?1 :AQID:);a;b=?0;c=2.0", StructuredFields.serialize(list));
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() {
        assertEquals(2L, ((Item) StructuredFields.parseDictionary("a=1, a=2").get("a")).value());
    }

    @Test
    void malformedInputIsRefused() {
        for (String malformed : List.of(
                "A=1",
                "a=1,",
                "a=(1 2",
                "a=(1 2)x",
                "a=\"unterminated",
                "a=\"bad \\escape\"",
                "a=:AQID",
                "a=:A*ID:",
                "a=?2",
                "a=1234567890123456",
                "a=1.2345",
                "a=@")) {
            assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary(malformed), malformed);
        }
    }
}

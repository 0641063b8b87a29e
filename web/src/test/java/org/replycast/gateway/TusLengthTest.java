package org.replycast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TusLengthTest {

    @Test
    void aCreationDeclaresItsLengthOrDefersIt() {
        assertEquals(3_750_000L, TusLength.declared("3750000", null));
        assertEquals(0L, TusLength.declared("0", null));
        assertNull(TusLength.declared(null, "1"));
    }

    @Test
    void aCreationWithBothNeitherOrABadValueIsRefused() {
        assertRefused("either Upload-Length or Upload-Defer-Length", () -> TusLength.declared("10", "1"));
        assertRefused("needs Upload-Length, or Upload-Defer-Length: 1", () -> TusLength.declared(null, null));
        assertRefused("Upload-Defer-Length can only be 1", () -> TusLength.declared(null, "0"));
        assertRefused("Upload-Length must be a whole number", () -> TusLength.declared("-5", null));
        assertRefused("Upload-Length must be a whole number", () -> TusLength.declared("1e6", null));
        assertRefused("Upload-Length must be a whole number", () -> TusLength.declared("9999999999999999999", null));
    }

    @Test
    void aPatchNamesItsOffsetAndMayNameALateLength() {
        assertEquals(1_048_576L, TusLength.offset("1048576"));
        assertEquals(42L, TusLength.late(" 42 "));
        assertNull(TusLength.late(null));
        assertRefused("A PATCH needs Upload-Offset", () -> TusLength.offset(null));
        assertRefused("Upload-Offset must be a whole number", () -> TusLength.offset(""));
    }

    private static void assertRefused(String reason, Runnable parse) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, parse::run);
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
    }
}

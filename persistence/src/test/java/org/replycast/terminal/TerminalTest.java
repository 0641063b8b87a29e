package org.replycast.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A terminal's identification number and fields follow the protocol's rules. */
class TerminalTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"T-1001", "a", "A.b_c-D.9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsOneToSixtyFourOfTheAllowedCharacters(String terminalId) {
        assertEquals(terminalId, new Terminal(terminalId, "Tablet", "c2VjcmV0").getTerminalId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "T 1001",
                "T/1001",
                "T:1001",
                "T@1001",
                "Términal",
                "T-1001\n",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void refusesOtherIdsNamingTheField(String terminalId) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> new Terminal(terminalId, "Tablet", "c2VjcmV0"));
        assertTrue(thrown.getMessage().startsWith("terminalId "), thrown.getMessage());
    }

    @Test
    void newTerminalIsEnabledAndDoesNotAnswerOnItsOwn() {
        Terminal terminal = new Terminal("T-1001", "Grandma's tablet", "c2VjcmV0");

        assertTrue(terminal.isEnabled());
        assertNull(terminal.getAutoAnswerSeconds());
        assertEquals("Grandma's tablet", terminal.getDisplayName());
        assertEquals("c2VjcmV0", terminal.getSecretCiphertext());
    }

    @Test
    void fieldsThatBreakARuleAreNamed() {
        Terminal terminal = new Terminal("T-1001", "Tablet", "c2VjcmV0");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> terminal.setDisplayName(" "))
                .getMessage()
                .startsWith("displayName "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> terminal.setSecretCiphertext(null))
                .getMessage()
                .startsWith("secretCiphertext "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> terminal.setAutoAnswerSeconds(-1))
                .getMessage()
                .startsWith("autoAnswerSeconds "));
        assertEquals("Tablet", terminal.getDisplayName());
    }

    @Test
    void canBeDisabledAndAnswerOnItsOwn() {
        Terminal terminal = new Terminal("T-1001", "Tablet", "c2VjcmV0");

        terminal.setEnabled(false);
        terminal.setAutoAnswerSeconds(5);

        assertFalse(terminal.isEnabled());
        assertEquals(5, terminal.getAutoAnswerSeconds());
    }

    @Test
    void quotaIsPositiveOrTheServersDefault() {
        Terminal terminal = new Terminal("T-1001", "Tablet", "c2VjcmV0");
        assertNull(terminal.getQuotaBytes());

        terminal.setQuotaBytes(1_000_000L);
        assertEquals(1_000_000L, terminal.getQuotaBytes());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> terminal.setQuotaBytes(0L))
                .getMessage()
                .startsWith("quotaBytes "));
        assertEquals(1_000_000L, terminal.getQuotaBytes());

        terminal.setQuotaBytes(null);
        assertNull(terminal.getQuotaBytes());
    }
}

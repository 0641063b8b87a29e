package org.replycast.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.faces.convert.ConverterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The console writes instants to the second in named UTC, and reads back only that form. */
class ConsoleTimeConverterTest {

    private final ConsoleTimeConverter converter = new ConsoleTimeConverter();

    @Test
    void writesAnInstantToTheSecondInUtc() {
        assertEquals(
                "2026-11-26 16:39:25 UTC",
                converter.getAsString(null, null, Instant.parse("2026-11-26T16:39:25.987654Z")));
        assertEquals("", converter.getAsString(null, null, null));
    }

    @Test
    void readsBackWhatItWrote() {
        Instant second = Instant.parse("2026-02-03T04:05:06Z");
        assertEquals(second, converter.getAsObject(null, null, converter.getAsString(null, null, second)));
        assertNull(converter.getAsObject(null, null, " "));
    }

    @Test
    void refusesAnotherFormSayingWhatToWrite() {
        ConverterException refused =
                assertThrows(ConverterException.class, () -> converter.getAsObject(null, null, "26/11/2026 16:39"));
        assertEquals("Write a time as 2026-11-26 16:39:25 UTC.", refused.getMessage());
    }
}

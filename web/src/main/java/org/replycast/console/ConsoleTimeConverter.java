package org.replycast.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How the console writes an instant: to the second, in UTC, named as such ("2026-11-26 16:39:25 UTC"), instead
 * of the ISO form with its fraction of a second. The page's {@code times.js} then shows it in the reader's own
 * time zone.
 */
@FacesConverter(forClass = Instant.class)
public class ConsoleTimeConverter implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FORMAT.parse(value.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new ConverterException("Write a time as 2026-11-26 16:39:25 UTC.", e);
        }
    }
}

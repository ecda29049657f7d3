package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quotes_backslashes_and_control_characters_are_escaped() {
        assertEquals("\"a \\\"b\\\" \\\\ c\"", JsonText.quote("a \"b\" \\ c"));
        assertEquals("\"l1\\nl2\\r\\tend\"", JsonText.quote("l1\nl2\r\tend"));
        assertEquals("\"\\u0000\\u001b[31m\"", JsonText.quote("\u0000\u001b[31m"));
        assertEquals("\"x\\u2028y\\u2029z\"", JsonText.quote("x\u2028y\u2029z"));
    }

    @Test
    void other_text_stays_as_it_is_and_null_is_the_literal() {
        assertEquals("\"Société Échelle — 42 €\"", JsonText.quote("Société Échelle — 42 €"));
        assertEquals("\"2026-12-06\"", JsonText.quote(LocalDate.of(2026, 12, 6)));
        assertEquals("null", JsonText.quote(null));
        assertEquals("\"\"", JsonText.quote(""));
    }
}

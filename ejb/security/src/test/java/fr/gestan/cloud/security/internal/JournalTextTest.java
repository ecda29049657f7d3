package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JournalTextTest {

    @Test
    void line_breaks_and_control_characters_become_visible_escapes() {
        assertEquals("a\\u000ab\\u000dc\\u0009d\\u2028e", JournalText.clean("a\nb\rc\td\u2028e", 100));
    }

    @Test
    void ordinary_french_text_is_kept() {
        assertEquals("Saint-Ouen-l'Aumône — révélé", JournalText.clean("Saint-Ouen-l'Aumône — révélé", 100));
    }

    @Test
    void long_values_are_cut_with_an_ellipsis_and_null_stays_null() {
        assertEquals("abcd…", JournalText.clean("abcdefghij", 5));
        assertNull(JournalText.clean(null, 5));
    }
}

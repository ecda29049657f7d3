package fr.gestan.cloud.common.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class DocumentFontsTest {

    @Test
    void liberation_sans_is_loaded_once_and_prints_french_text() {
        assertTrue(DocumentFonts.regularBase().getPostscriptFontName().startsWith("LiberationSans"));
        assertSame(DocumentFonts.regular(9).getBaseFont(), DocumentFonts.regular(12).getBaseFont());
        assertTrue(DocumentFonts.regularBase().charExists('é') && DocumentFonts.regularBase().charExists('\u202f'));
        assertEquals(Color.WHITE, DocumentFonts.bold(9, Color.WHITE).getColor());
        assertEquals(16f, DocumentFonts.bold(16).getSize());
    }

    @Test
    void text_goes_in_composed() {
        assertEquals("\u00e9t\u00e9", DocumentFonts.nfc("e\u0301te\u0301"));
        assertEquals("", DocumentFonts.nfc(null));
    }
}

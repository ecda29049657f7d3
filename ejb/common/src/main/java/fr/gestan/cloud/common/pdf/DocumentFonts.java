package fr.gestan.cloud.common.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * The fonts of every generated document: Liberation Sans (SIL Open Font License), embedded as a subset with
 * Identity-H encoding so that every French character (accents, U+202F narrow no-break space) prints and is
 * extracted back exactly. Loaded once; OpenPDF keeps each document's used glyphs apart. The one font holder of the
 * documents every module renders (certificates and GDPR documents in compliance, the recovery plan in hosting): it
 * lives in common (the EAR's {@code lib/}) with OpenPDF and openpdf-fonts-extra.
 */
public final class DocumentFonts {

    private static final BaseFont REGULAR = load("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = load("liberation/LiberationSans-Bold.ttf");

    private DocumentFonts() {
    }

    public static Font regular(float size) {
        return new Font(REGULAR, size);
    }

    public static Font bold(float size) {
        return new Font(BOLD, size);
    }

    public static Font bold(float size, Color color) {
        return new Font(BOLD, size, Font.NORMAL, color);
    }

    public static BaseFont regularBase() {
        return REGULAR;
    }

    /** Text goes into a document in NFC: a decomposed "é" (e + U+0301) would otherwise print as two glyphs. */
    public static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static BaseFont load(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("Font missing from openpdf-fonts-extra: " + resource, e);
        }
    }
}

package fr.gestan.cloud.compliance.internal.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfWriter;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The certificate's two fonts (Liberation Sans regular and bold, {@link DocumentFonts}) embedded as one subset each
 * per JVM instead of one per document: OpenPDF subsets and compresses every font of every document when it closes
 * it (a quarter of a certificate's rendering), although a certificate's texts need the same glyphs every time.
 *
 * <p>Once per JVM a primer document draws {@link #CHARACTERS} (printable ASCII, the French letters, the typographic
 * signs the certificates print) in both fonts; its font objects (font program, descriptor, CID font with
 * the widths, ToUnicode map, Type 0 font) are kept as bytes and dictionaries, the font program without the metrics
 * of the whole font's unused glyphs ({@link UnusedMetrics}). A document written by {@link #writer}
 * whose glyphs of a font are all in that font's shared subset, each with the same Unicode value, gets copies of those
 * objects instead of a subset of its own; otherwise (a name with characters outside the set) OpenPDF subsets as
 * before. OpenPDF keeps the font's glyph ids in a subset (CIDToGIDMap Identity), so the page's text, written with
 * the document's own glyph ids, shows and extracts the same with the shared subset, a superset of the glyphs used.
 *
 * <p>OpenPDF offers no public access to the glyphs a document used: they are read from its {@code FontDetails} by
 * reflection. Should a later OpenPDF rename those fields, the shared subsets are off (logged once) and every
 * document is subset as before, never wrong ({@code CertificatePdfTest} checks that they are used).
 */
final class SharedFontSubsets {

    /** The characters of the shared subsets. */
    static final String CHARACTERS = characters();

    private static final Logger LOG = Logger.getLogger(SharedFontSubsets.class.getName());
    private static final Field LONG_TAG;
    private static final Field FILLER_CMAP;
    private static final Field REFERENCE;
    /** Per font, its shared subset; empty when they are off. */
    private static final Map<BaseFont, Subset> SUBSETS;

    static {
        Field longTag = null;
        Field filler = null;
        Field reference = null;
        Map<BaseFont, Subset> subsets = Map.of();
        try {
            Class<?> details = Class.forName("com.lowagie.text.pdf.FontDetails", false, PdfWriter.class.getClassLoader());
            longTag = accessible(details.getDeclaredField("longTag"));
            filler = accessible(details.getDeclaredField("fillerCmap"));
            reference = accessible(details.getDeclaredField("indirectReference"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "OpenPDF's font details are not readable: every document gets its own font subsets", e);
        }
        LONG_TAG = longTag;
        FILLER_CMAP = filler;
        REFERENCE = reference;
        if (reference != null) {
            try {
                subsets = primer(List.of(DocumentFonts.regularBase(), DocumentFonts.bold(10).getBaseFont()));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Shared font subsets unavailable: every document gets its own font subsets", e);
            }
        }
        SUBSETS = subsets;
    }

    private SharedFontSubsets() {
    }

    /** As {@link PdfWriter#getInstance(Document, OutputStream)}, a writer that embeds the shared subsets where they serve. */
    static PdfWriter writer(Document document, OutputStream out) throws DocumentException {
        return writer(document, out, null);
    }

    /** Whether the shared subsets are in use (for tests: {@code false} means OpenPDF changed under us). */
    static boolean enabled() {
        return !SUBSETS.isEmpty();
    }

    private static PdfWriter writer(Document document, OutputStream out, Map<BaseFont, Map<Integer, int[]>> capture)
            throws DocumentException {
        PdfDocument pdf = new DatedOnce();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        document.addDocListener(pdf);
        Writer writer = new Writer(pdf, out, capture);
        pdf.addWriter(writer);
        return writer;
    }

    /**
     * OpenPDF's document, dated once: its constructor calls {@link com.lowagie.text.Document#addCreationDate()}, which
     * builds a {@link java.text.SimpleDateFormat} (with its calendar, symbols and number format) to format a date that
     * {@link PdfDocument} throws away, dating its info dictionary with a new {@link PdfDate} instead. Here that date is
     * added directly: the same {@code /CreationDate} entry, without the formatter made for every certificate (compiled
     * by the JIT during a batch: docs/performance.md 4.33, 4.38).
     */
    static final class DatedOnce extends PdfDocument {
        @Override
        public boolean addCreationDate() {
            return addCreationDate(new PdfDate());
        }
    }

    /** Writes the shared subsets for the fonts they cover before OpenPDF writes the other shared objects. */
    private static final class Writer extends PdfWriter {
        private final Map<BaseFont, Map<Integer, int[]>> capture;

        Writer(PdfDocument document, OutputStream out, Map<BaseFont, Map<Integer, int[]>> capture) {
            super(document, out);
            this.capture = capture;
        }

        @Override
        protected void addSharedObjectsToBody() throws IOException {
            Map<BaseFont, ?> fonts = documentFonts;
            for (Iterator<? extends Map.Entry<BaseFont, ?>> it = fonts.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<BaseFont, ?> font = it.next();
                if (capture != null) {
                    capture.put(font.getKey(), new HashMap<>(used(font.getValue())));
                    continue;
                }
                Subset shared = SUBSETS.get(font.getKey());
                if (shared != null && shared.covers(font.getValue())) {
                    shared.write(this, (PdfIndirectReference) read(REFERENCE, font.getValue()));
                    it.remove(); // written: OpenPDF must not subset it again
                }
            }
            super.addSharedObjectsToBody();
        }
    }

    /**
     * A font's shared subset: the Unicode value of each of its glyphs (-1: not in it), the font program and the
     * ToUnicode map as written (compressed), and the dictionaries without their references to each other.
     */
    private record Subset(int[] unicodes, byte[] program, PdfDictionary programKeys, byte[] cidSet, PdfDictionary cidSetKeys,
                          byte[] toUnicode, PdfDictionary toUnicodeKeys, PdfDictionary descriptor, PdfDictionary cidFont,
                          PdfDictionary type0) {

        /** Whether every glyph a document used is in this subset with the same Unicode value (that its ToUnicode map gives). */
        boolean covers(Object details) {
            Map<?, ?> filler = (Map<?, ?>) read(FILLER_CMAP, details);
            if (filler != null && !filler.isEmpty()) {
                return false;
            }
            for (int[] glyph : used(details).values()) {
                if (glyph[0] < 0 || glyph[0] >= unicodes.length || unicodes[glyph[0]] != glyph[2]) {
                    return false;
                }
            }
            return true;
        }

        /** The font's objects, in OpenPDF's order, the Type 0 font at {@code font} (the reference the page uses). */
        void write(PdfWriter writer, PdfIndirectReference font) throws IOException {
            PdfDictionary descriptor = copy(this.descriptor);
            if (cidSet != null) {
                descriptor.put(PdfName.CIDSET, writer.addToBody(stream(cidSet, cidSetKeys)).getIndirectReference());
            }
            descriptor.put(PdfName.FONTFILE2, writer.addToBody(stream(program, programKeys)).getIndirectReference());
            PdfDictionary cidFont = copy(this.cidFont);
            cidFont.put(PdfName.FONTDESCRIPTOR, writer.addToBody(descriptor).getIndirectReference());
            PdfDictionary type0 = copy(this.type0);
            type0.put(PdfName.DESCENDANTFONTS, new PdfArray(writer.addToBody(cidFont).getIndirectReference()));
            type0.put(PdfName.TOUNICODE, writer.addToBody(stream(toUnicode, toUnicodeKeys)).getIndirectReference());
            writer.addToBody(type0, font);
        }
    }

    /** Draws {@link #CHARACTERS} in each font, keeps the glyphs drawn and the font objects written. */
    private static Map<BaseFont, Subset> primer(List<BaseFont> bases) throws IOException, DocumentException {
        Map<BaseFont, Map<Integer, int[]>> used = new HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter primer = writer(document, out, used);
        document.open();
        PdfContentByte canvas = primer.getDirectContent();
        float y = 800;
        for (BaseFont base : bases) {
            canvas.beginText();
            canvas.setFontAndSize(base, 10);
            canvas.setTextMatrix(36, y);
            canvas.showText(CHARACTERS);
            canvas.endText();
            y -= 20;
        }
        document.close();

        PdfReader reader = new PdfReader(out.toByteArray());
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        Map<BaseFont, Subset> subsets = new HashMap<>();
        for (BaseFont base : bases) {
            PdfDictionary type0 = null;
            for (PdfName key : fonts.getKeys()) {
                PdfDictionary font = fonts.getAsDict(key);
                if (font.getAsName(PdfName.BASEFONT).toString().endsWith("+" + base.getPostscriptFontName())) {
                    type0 = font;
                }
            }
            if (type0 == null || !used.containsKey(base)) {
                throw new IllegalStateException("primer without " + base.getPostscriptFontName());
            }
            int top = used.get(base).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            int[] unicodes = new int[top + 1];
            Arrays.fill(unicodes, -1);
            used.get(base).values().forEach(glyph -> unicodes[glyph[0]] = glyph[2]);
            PdfDictionary cidFont = type0.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = cidFont.getAsDict(PdfName.FONTDESCRIPTOR);
            PRStream program = (PRStream) PdfReader.getPdfObject(descriptor.get(PdfName.FONTFILE2));
            PRStream cidSet = (PRStream) PdfReader.getPdfObject(descriptor.get(PdfName.CIDSET)); // the glyphs in the subset
            PRStream toUnicode = (PRStream) PdfReader.getPdfObject(type0.get(PdfName.TOUNICODE));
            // written once per JVM: the metrics of the whole font's unused glyphs cleared, deflated at the best level
            byte[] slim = UnusedMetrics.clearedAndDeflated(PdfReader.getStreamBytes(program), g -> g < unicodes.length && unicodes[g] >= 0);
            subsets.put(base, new Subset(unicodes, slim, detach(program, PdfName.LENGTH),
                    cidSet == null ? null : PdfReader.getStreamBytesRaw(cidSet), cidSet == null ? null : detach(cidSet, PdfName.LENGTH),
                    PdfReader.getStreamBytesRaw(toUnicode), detach(toUnicode, PdfName.LENGTH),
                    detach(descriptor, PdfName.FONTFILE2, PdfName.CIDSET), detach(cidFont, PdfName.FONTDESCRIPTOR),
                    detach(type0, PdfName.DESCENDANTFONTS, PdfName.TOUNICODE)));
        }
        reader.close();
        return Map.copyOf(subsets);
    }

    /** The entries of a read dictionary but {@code references}, all direct objects (no reference to the primer). */
    private static PdfDictionary detach(PdfDictionary read, PdfName... references) {
        PdfDictionary detached = new PdfDictionary();
        for (PdfName key : read.getKeys()) {
            if (!Arrays.asList(references).contains(key)) {
                detached.put(key, direct(read.get(key)));
            }
        }
        return detached;
    }

    private static PdfObject direct(PdfObject value) {
        if (value.isIndirect()) {
            throw new IllegalStateException("unexpected reference in a font object: " + value);
        }
        if (value.isArray()) {
            ((PdfArray) value).getElements().forEach(SharedFontSubsets::direct);
        } else if (value.isDictionary()) {
            for (PdfName key : ((PdfDictionary) value).getKeys()) {
                direct(((PdfDictionary) value).get(key));
            }
        }
        return value;
    }

    private static PdfDictionary copy(PdfDictionary template) {
        PdfDictionary copy = new PdfDictionary();
        copy.merge(template);
        return copy;
    }

    private static PdfStream stream(byte[] bytes, PdfDictionary keys) {
        PdfStream stream = new PdfStream(bytes); // as written: already compressed
        for (PdfName key : keys.getKeys()) {
            stream.put(key, keys.get(key));
        }
        return stream;
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, int[]> used(Object details) {
        Map<Integer, int[]> used = (Map<Integer, int[]>) read(LONG_TAG, details);
        return used == null ? Map.of() : used;
    }

    private static Object read(Field field, Object details) {
        try {
            return field.get(details);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    private static String characters() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            sb.append(c);
        }
        // French letters, no-break and narrow no-break spaces, quotes, dashes, the signs the certificate prints (§: the
        // rules' legal references; without it every certificate had its regular font subset for it, issue 19)
        return sb.append("àâäçéèêëîïôöùûüÿæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ\u00A0\u202F«»‘’“”–—…·°×€→≈§").toString();
    }
}

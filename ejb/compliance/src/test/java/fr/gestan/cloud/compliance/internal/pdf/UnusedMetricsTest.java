package fr.gestan.cloud.compliance.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The shared subsets' font programs, read back from a certificate: unused metrics cleared, checksums right. */
class UnusedMetricsTest {

    @Test
    void the_shared_subsets_carry_no_metrics_of_unused_glyphs_and_stay_valid_fonts() throws Exception {
        byte[] pdf = CertificatePdf.render(Samples.content("GC-2026-000140"));
        List<byte[]> programs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDType0Font font = (PDType0Font) resources.getFont(name);
                programs.add(font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray());
                // the widths the page uses come from /W, untouched: a space and a letter as wide as in the font
                assertEquals(278, font.getStringWidth(" "), 1f);
                float m = font.getStringWidth("m");
                assertTrue(m > 800, () -> "m " + m);
            }
        }
        assertEquals(2, programs.size());
        for (byte[] program : programs) {
            ByteBuffer f = ByteBuffer.wrap(program);
            assertEquals(0xB1B0AFBA, UnusedMetrics.checksum(f, 0, program.length), "the font's checksum adjustment");
            int hmtx = record(f, "hmtx");
            assertEquals(f.getInt(hmtx + 4), UnusedMetrics.checksum(f, f.getInt(hmtx + 8), f.getInt(hmtx + 12)), "hmtx checksum");
            int metrics = f.getChar(f.getInt(record(f, "hhea") + 8) + 34);
            int cleared = 0;
            int kept = 0;
            for (int g = 0; g < metrics; g++) {
                if (f.getInt(f.getInt(hmtx + 8) + 4 * g) == 0) {
                    cleared++;
                } else {
                    kept++;
                }
            }
            // Liberation Sans: 2,600 glyphs, of which the shared subset keeps about 160 and the space-like ones
            assertTrue(cleared > 2000 && kept > 140 && kept < 300, cleared + " cleared, " + kept + " kept");
        }
    }

    @Test
    void a_font_without_the_tables_is_left_alone() {
        byte[] notAFont = new byte[64];
        assertEquals(notAFont, UnusedMetrics.cleared(notAFont, g -> true));
    }

    private static int record(ByteBuffer f, String tag) {
        for (int i = 0; i < f.getChar(4); i++) {
            byte[] name = new byte[4];
            f.get(12 + 16 * i, name);
            if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).equals(tag)) {
                return 12 + 16 * i;
            }
        }
        throw new AssertionError("no " + tag);
    }
}

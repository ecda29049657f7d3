package fr.gestan.cloud.compliance.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Shrinks a TrueType subset as OpenPDF writes it: OpenPDF keeps the font's glyph ids, so its subset still carries the
 * horizontal metrics ({@code hmtx}) of every glyph of the whole font (about 10 KB, 4.5 KB deflated, for Liberation
 * Sans), although a PDF takes its glyph widths from the font dictionary's {@code /W} array and the subset holds the
 * outlines of a few hundred glyphs only. The metrics of the glyphs without an outline that are not {@code kept} are
 * set to zero (they compress to almost nothing); the table's and the font's checksums are set again. Nothing else
 * changes: the glyph ids, outlines and hinting are the same.
 */
final class UnusedMetrics {

    private UnusedMetrics() {
    }

    /** {@code font} (an uncompressed TrueType file) with the unused metrics cleared, deflated at the best level. */
    static byte[] clearedAndDeflated(byte[] font, IntPredicate kept) {
        byte[] cleared = cleared(font, kept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 2);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(cleared);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // in memory
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** A copy of {@code font} whose glyphs without an outline, but those {@code kept}, have zero metrics. */
    static byte[] cleared(byte[] font, IntPredicate kept) {
        byte[] copy = font.clone();
        ByteBuffer f = ByteBuffer.wrap(copy);
        int head = table(f, "head");
        int hhea = table(f, "hhea");
        int maxp = table(f, "maxp");
        int loca = table(f, "loca");
        int hmtx = table(f, "hmtx");
        if (head < 0 || hhea < 0 || maxp < 0 || loca < 0 || hmtx < 0) {
            return font; // not a font as OpenPDF subsets them: left alone
        }
        boolean longOffsets = f.getShort(f.getInt(head + 8) + 50) != 0;
        int glyphs = f.getChar(f.getInt(maxp + 8) + 4);
        int metrics = f.getChar(f.getInt(hhea + 8) + 34);
        int locaAt = f.getInt(loca + 8);
        int at = f.getInt(hmtx + 8);
        for (int g = 0; g < glyphs; g++) {
            int start = longOffsets ? f.getInt(locaAt + 4 * g) : 2 * f.getChar(locaAt + 2 * g);
            int end = longOffsets ? f.getInt(locaAt + 4 * g + 4) : 2 * f.getChar(locaAt + 2 * g + 2);
            boolean outline = end > start;
            int entry = g < metrics ? at + 4 * g : at + 4 * metrics + 2 * (g - metrics);
            if (!outline && g > 0 && !kept.test(g)) {
                f.putShort(entry, (short) 0);
                if (g < metrics) {
                    f.putShort(entry + 2, (short) 0);
                }
            }
        }
        f.putInt(hmtx + 4, checksum(f, at, f.getInt(hmtx + 12)));
        int adjustment = f.getInt(head + 8) + 8;
        f.putInt(adjustment, 0);
        f.putInt(adjustment, 0xB1B0AFBA - checksum(f, 0, copy.length));
        return copy;
    }

    /** The offset of the record of table {@code tag} in the font's table directory, -1 if absent. */
    private static int table(ByteBuffer f, String tag) {
        int tables = f.getChar(4);
        byte[] name = new byte[4];
        for (int i = 0; i < tables; i++) {
            f.get(12 + 16 * i, name);
            if (Arrays.equals(name, tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return 12 + 16 * i;
            }
        }
        return -1;
    }

    /** TrueType's checksum: the sum of the big-endian 32-bit words, the last one padded with zeros. */
    static int checksum(ByteBuffer f, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i += 4) {
            int word = 0;
            for (int b = 0; b < 4; b++) {
                word = (word << 8) | (i + b < from + length && i + b < f.capacity() ? f.get(i + b) & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }
}

package fr.gestan.cloud.compliance.internal.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.Map;

/** QR codes drawn as vector rectangles (OpenPDF has no QR barcode): sharp at any zoom, a few hundred bytes. */
public final class QrCodes {

    static final int MASK = 0;
    /** The quiet zone around the code, in modules. */
    static final int MARGIN = 2;

    private QrCodes() {
    }

    /** The QR code of {@code text} as an image of {@code size} points, with a quiet zone of {@link #MARGIN} modules. */
    public static Image image(PdfContentByte canvas, String text, float size) {
        ByteMatrix code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.M,
                    // any of the 8 masks is a valid code (readers take it from the format bits); choosing the best one
                    // by penalty scores took most of the encoding time
                    Map.of(EncodeHintType.QR_MASK_PATTERN, MASK)).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
        byte[][] modules = code.getArray(); // [y][x], 1 dark
        int n = code.getWidth() + 2 * MARGIN;
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.BLACK);
        // drawn in modules (one unit a module), the quiet zone left blank: whole numbers, written as such (OpenPDF
        // formats every number of rectangle() as a decimal)
        template.concatCTM(size / n, 0, 0, size / n, 0, 0);
        ByteBuffer path = template.getInternalBuffer();
        for (int y = 0; y < modules.length; y++) {
            byte[] row = modules[y];
            for (int x = 0; x < row.length; x++) {
                if (row[x] == 1) {
                    // run-length: one rectangle per horizontal run of dark modules, all in one path filled once
                    int run = 1;
                    while (x + run < row.length && row[x + run] == 1) {
                        run++;
                    }
                    path.append(x + MARGIN).append(' ').append(n - 1 - MARGIN - y).append(' ').append(run).append(" 1 re\n");
                    x += run - 1;
                }
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}

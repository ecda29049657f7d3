package fr.gestan.cloud.compliance.internal.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.Map;

/** QR codes drawn as vector rectangles (OpenPDF has no QR barcode): sharp at any zoom, a few hundred bytes. */
public final class QrCodes {

    static final int MASK = 0;

    private QrCodes() {
    }

    /** The QR code of {@code text} as an image of {@code size} points, with a quiet zone of 2 modules. */
    public static Image image(PdfContentByte canvas, String text, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            // any of the 8 masks is a valid code (readers take it from the format bits); choosing the
                            // best one by penalty scores took most of the encoding time
                            EncodeHintType.QR_MASK_PATTERN, MASK));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
        int n = matrix.getWidth();
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.BLACK);
        // drawn in modules (one unit a module): whole numbers, shorter to write than points
        template.concatCTM(size / n, 0, 0, size / n, 0, 0);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (matrix.get(x, y)) {
                    // run-length: one rectangle per horizontal run of dark modules, all in one path filled once
                    int run = 1;
                    while (x + run < n && matrix.get(x + run, y)) {
                        run++;
                    }
                    template.rectangle(x, n - 1 - y, run, 1);
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

package fr.gestan.cloud.compliance.internal.documents;

import static fr.gestan.cloud.common.pdf.DocumentFonts.nfc;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints a {@link DocumentText} as a bilingual A4 PDF: each section's French paragraphs, then the English ones in
 * grey. {@code header} lines (version, date) go under the title, {@code trailer} lines (an acceptance) at the end;
 * neither is part of the document's version. Every page shows the version in its footer.
 */
public final class DocumentPdf {

    private static final Color BRAND = new Color(0x1d, 0x3f, 0x72);
    private static final Color GREY = new Color(0x4a, 0x4a, 0x4a);

    private DocumentPdf() {
    }

    public static byte[] render(DocumentText text, List<String> header, List<String> trailer, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                            new Phrase(nfc(footer + " · " + w.getPageNumber()), DocumentFonts.regular(7)),
                            (d.left() + d.right()) / 2, d.bottom() - 25, 0);
                }
            });
            doc.addTitle(nfc(text.titleFr()));
            doc.addCreator(Vendor.PRODUCT);
            doc.open();
            Font title = DocumentFonts.bold(16);
            title.setColor(BRAND);
            doc.add(new Paragraph(nfc(text.titleFr()), title));
            Font titleEn = DocumentFonts.regular(12);
            titleEn.setColor(GREY);
            doc.add(new Paragraph(nfc(text.titleEn()), titleEn));
            for (String h : header) {
                doc.add(new Paragraph(nfc(h), DocumentFonts.regular(8)));
            }
            Font heading = DocumentFonts.bold(11);
            heading.setColor(BRAND);
            Font fr = DocumentFonts.regular(9.5f);
            Font en = DocumentFonts.regular(8.5f);
            en.setColor(GREY);
            for (DocumentText.Section s : text.sections()) {
                Paragraph h = new Paragraph(nfc(s.titleFr() + " / " + s.titleEn()), heading);
                h.setSpacingBefore(10);
                h.setSpacingAfter(3);
                doc.add(h);
                for (String p : s.fr()) {
                    Paragraph para = new Paragraph(nfc(p), fr);
                    para.setSpacingAfter(2);
                    doc.add(para);
                }
                for (String p : s.en()) {
                    Paragraph para = new Paragraph(nfc(p), en);
                    para.setSpacingAfter(2);
                    doc.add(para);
                }
            }
            if (!trailer.isEmpty()) {
                Paragraph sep = new Paragraph(" ");
                doc.add(sep);
                for (String t : trailer) {
                    doc.add(new Paragraph(nfc(t), DocumentFonts.bold(9)));
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new java.io.IOException("PDF rendering failed", e));
        }
        return out.toByteArray();
    }
}

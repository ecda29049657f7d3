package fr.gestan.cloud.compliance.internal.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.List;

/**
 * A small table of the certificate (a header row and a few rows), drawn into a form XObject that the page's flow
 * places as an image. Each cell's text is laid out once, into a scratch buffer sharing the form's resources, then
 * moved to its place in the row: OpenPDF's {@code PdfPTable} lays every cell out twice (to measure the row, then to
 * draw it). The look is the tables' as before: 3 pt padding, cells vertically centred, light borders, header cells
 * filled with the brand colour. A table taller than {@link #MAX_HEIGHT} cannot move to the next page as one piece:
 * {@link #fits} tells the caller to use a {@code PdfPTable} instead.
 */
final class Grid {

    /** The tallest table drawn this way (an A4 page's text height is about 780 pt). */
    static final float MAX_HEIGHT = 600;
    private static final float PADDING = 3;
    private static final float BORDER = 0.5f;
    /** The form's height while drawing, from which rows go down; its box is cut to the rows at the end. */
    private static final float TOP = 2000;

    private final PdfTemplate form;
    private final float[] edges;
    private float y = TOP;

    /** A table {@code width} points wide whose columns share it in the proportions {@code widths}. */
    Grid(PdfWriter writer, float width, float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        edges = new float[widths.length + 1];
        for (int i = 0; i < widths.length; i++) {
            edges[i + 1] = edges[i] + width * widths[i] / total;
        }
        edges[widths.length] = width;
        form = writer.getDirectContent().createTemplate(width, TOP);
    }

    /** One cell: its text, the number of columns it spans. */
    record Cell(Phrase phrase, int span) {
        Cell(Phrase phrase) {
            this(phrase, 1);
        }
    }

    /**
     * A row of {@code cells} (spans adding up to the columns), filled with {@code background} (null: none), each cell
     * framed in {@code border}.
     */
    void row(Color background, Color border, Cell... cells) throws DocumentException {
        PdfContentByte[] texts = new PdfContentByte[cells.length];
        float[] heights = new float[cells.length];
        float height = 0;
        int column = 0;
        for (int i = 0; i < cells.length; i++) {
            texts[i] = form.getDuplicate();
            ColumnText ct = new ColumnText(texts[i]);
            ct.addText(cells[i].phrase());
            ct.setLeading(0, 1);
            ct.setSimpleColumn(edges[column] + PADDING, 0, edges[column + cells[i].span()] - PADDING, y - PADDING);
            ct.go();
            heights[i] = y - ct.getYLine() + PADDING;
            height = Math.max(height, heights[i]);
            column += cells[i].span();
        }
        if (background != null) {
            form.saveState(); // the text of the next rows keeps its own colour (black unless its font says)
            form.setColorFill(background);
            form.rectangle(edges[0], y - height, edges[edges.length - 1] - edges[0], height);
            form.fill();
            form.restoreState();
        }
        for (int i = 0; i < cells.length; i++) {
            form.saveState();
            form.concatCTM(1, 0, 0, 1, 0, -(height - heights[i]) / 2); // vertically centred
            form.add(texts[i]);
            form.restoreState();
        }
        form.saveState();
        form.setColorStroke(border);
        form.setLineWidth(BORDER);
        column = 0;
        for (Cell cell : cells) {
            form.rectangle(edges[column], y - height, edges[column + cell.span()] - edges[column], height);
            column += cell.span();
        }
        form.stroke();
        form.restoreState();
        y -= height;
    }

    /** Whether the rows drawn so far can be placed as one piece (else lay the table out as a {@code PdfPTable}). */
    boolean fits() {
        return TOP - y <= MAX_HEIGHT;
    }

    /** The rows drawn, as an image the size of the table, to add to the document. */
    Image image() throws BadElementException {
        return image(form, edges[edges.length - 1], y);
    }

    /**
     * Two columns without borders, each laid out once: {@code elements} on the left, {@code picture} (not scaled) at
     * the top right, 2 pt from the edges, as an image {@code width} wide and as tall as the taller column.
     */
    static Image beside(PdfWriter writer, float width, List<Element> elements, Image picture) throws DocumentException {
        float padding = 2;
        PdfTemplate form = writer.getDirectContent().createTemplate(width, TOP);
        ColumnText ct = new ColumnText(form);
        elements.forEach(ct::addElement);
        ct.setSimpleColumn(padding, 0, width - picture.getScaledWidth() - 3 * padding, TOP - padding);
        ct.go();
        float height = Math.max(TOP - ct.getYLine() + padding, picture.getScaledHeight() + 2 * padding);
        form.addImage(picture, picture.getScaledWidth(), 0, 0, picture.getScaledHeight(), width - padding - picture.getScaledWidth(),
                TOP - padding - picture.getScaledHeight());
        return image(form, width, TOP - height);
    }

    /** The part of {@code form} from {@code bottom} to its top, as an image of that size. */
    private static Image image(PdfTemplate form, float width, float bottom) throws BadElementException {
        // the box around what was drawn, the outer borders' width included (Image takes its size from it), moved to the
        // origin by the form's matrix
        float m = BORDER / 2;
        form.setBoundingBox(new Rectangle(-m, bottom - m, width + m, TOP + m));
        form.setMatrix(1, 0, 0, 1, m, m - bottom);
        return Image.getInstance(form);
    }
}

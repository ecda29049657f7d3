package fr.gestan.cloud.hosting.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A server's recovery plan as a PDF: the steps, a Gantt-like chart of the whole timeline and each tenant's estimated
 * recovery time, with the figures' sources. Texts from the {@value #BUNDLE} bundle, fonts from {@link DocumentFonts}.
 */
final class RecoveryPdf {

    static final String BUNDLE = "fr.gestan.cloud.hosting.internal.RecoveryPdf";
    private static final Color BRAND = new Color(0x1d, 0x3f, 0x72);
    private static final Color DRILL = new Color(0x0a, 0x6b, 0x2d);
    private static final Color LIGHT = new Color(0xe8, 0xee, 0xf7);

    private RecoveryPdf() {
    }

    /** The plan as a PDF, in {@code locale} (French or English). */
    static byte[] render(RecoveryPlanView plan, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle(BUNDLE, locale, RecoveryPdf.class.getClassLoader());
        Font title = DocumentFonts.bold(16, BRAND);
        Font body = DocumentFonts.regular(9);
        Font head = DocumentFonts.bold(9, Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.getString("pdf.title") + " " + plan.serverName());
        document.addCreator("Gestan Cloud");
        document.open();
        document.add(new Paragraph(text.getString("pdf.title") + " · " + plan.serverName() + " (" + plan.dataCentreCode() + ")", title));
        document.add(new Paragraph(text.getString("pdf.generated") + " "
                + fr.gestan.cloud.common.Shown.dateTime(java.time.Instant.now()), body));
        document.add(new Paragraph(text.getString("recovery.summary") + " " + Durations.hm(plan.totalMinutes()) + " · "
                + new java.text.MessageFormat(text.getString("recovery.tenants"), locale).format(new Object[] {plan.tenants().size()}) + " · " + text.getString("recovery.dataStep") + " "
                + Durations.hm(plan.totalMinutes() - plan.dataStepStartMinute()), body));
        document.add(new Paragraph(" ", body));

        PdfPTable steps = new PdfPTable(new float[] {4, 2, 2, 3});
        steps.setWidthPercentage(100);
        for (String h : new String[] {"recovery.step", "recovery.start", "recovery.duration", "recovery.source"}) {
            steps.addCell(header(text.getString(h), head));
        }
        for (RecoveryPlanView.Step step : plan.steps()) {
            steps.addCell(cell(text.getString("step." + step.kind()), body));
            steps.addCell(cell(Durations.hm(step.startMinute()), body));
            steps.addCell(cell(Durations.hm(step.durationMinutes()), body));
            steps.addCell(cell(source(step.source(), text), body));
        }
        document.add(steps);
        document.add(new Paragraph(" ", body));

        // The Gantt-like chart: one row per step and per tenant, bars scaled to the whole timeline.
        PdfPTable gantt = new PdfPTable(new float[] {3, 10, 2});
        gantt.setWidthPercentage(100);
        gantt.addCell(header(text.getString("recovery.chart"), head));
        gantt.addCell(header("0 → " + Durations.hm(plan.totalMinutes()), head));
        gantt.addCell(header(text.getString("recovery.backAt"), head));
        for (RecoveryPlanView.Step step : plan.steps()) {
            ganttRow(gantt, text.getString("step." + step.kind()), step.startMinute(), step.durationMinutes(), plan.totalMinutes(),
                    step.source().drill(), body);
        }
        for (RecoveryPlanView.TenantSlot slot : plan.tenants()) {
            ganttRow(gantt, slot.position() + ". " + slot.tenantSiren() + " · " + text.getString("level." + slot.serviceLevel()),
                    slot.startMinute(), slot.durationMinutes(), plan.totalMinutes(), slot.source().drill(), body);
        }
        document.add(gantt);
        document.add(new Paragraph(text.getString("recovery.legend"), body));
        document.close();
        return out.toByteArray();
    }

    private static void ganttRow(PdfPTable table, String label, int start, int duration, int total, boolean drill, Font font) {
        table.addCell(cell(label, font));
        PdfPCell bar = new PdfPCell();
        bar.setFixedHeight(11);
        bar.setBorderColor(LIGHT);
        bar.setCellEvent((cell, position, canvases) -> {
            var canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float width = position.getWidth() - 4;
            float x = position.getLeft() + 2 + width * start / Math.max(1, total);
            float w = Math.max(0.8f, width * duration / Math.max(1, total));
            canvas.saveState();
            canvas.setColorFill(drill ? DRILL : BRAND);
            canvas.rectangle(x, position.getBottom() + 2, w, position.getHeight() - 4);
            canvas.fill();
            canvas.restoreState();
        });
        table.addCell(bar);
        table.addCell(cell(Durations.hm(start + duration), font));
    }

    private static String source(RecoveryPlanView.Source source, ResourceBundle text) {
        return source.drill() ? text.getString("recovery.fromDrill") + " " + source.drilledOn() : text.getString("recovery.fromSetting");
    }

    private static PdfPCell header(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setBackgroundColor(BRAND);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(2);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }
}

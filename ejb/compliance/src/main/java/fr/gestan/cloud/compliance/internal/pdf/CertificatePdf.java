package fr.gestan.cloud.compliance.internal.pdf;

import static fr.gestan.cloud.common.pdf.DocumentFonts.nfc;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Renders a certificate ("attestation d'hébergement et de conformité") as an unsigned PDF: French first, English
 * below, Liberation Sans embedded (Identity-H), every string in NFC, a QR code to the public verification page.
 * {@link #renderSigned} signs it in the same pass ({@link CertificateSigner}).
 */
public final class CertificatePdf {

    /** U+202F, the French narrow no-break space (thousands, before ":" and "%"). */
    static final char NNBSP = '\u202F';

    private static final Color BRAND = new Color(0x1d, 0x3f, 0x72);
    private static final Color LIGHT = new Color(0xe8, 0xee, 0xf7);

    private CertificatePdf() {
    }

    /** The certificate, unsigned. */
    public static byte[] render(CertificateContent c) {
        return render(c, null, null, null);
    }

    /**
     * The certificate signed by {@code signer} in the same pass (the signature field is written with the page and its
     * value filled in the finished bytes; the PDF is not read again), {@code reason} and {@code when} in its signature.
     */
    public static byte[] renderSigned(CertificateContent c, CertificateSigner signer, String reason, Calendar when) {
        return render(c, signer, reason, when);
    }

    /**
     * The fonts of a certificate, made once per rendering (OpenPDF's fonts carry a colour and are mutable).
     */
    private record Fonts(Font title, Font subtitle, Font h, Font body, Font small, Font bold, Font head) {

        static Fonts make() {
            Font title = DocumentFonts.bold(15);
            title.setColor(BRAND);
            Font subtitle = DocumentFonts.regular(10);
            subtitle.setColor(BRAND);
            Font h = DocumentFonts.bold(10);
            h.setColor(BRAND);
            Font head = DocumentFonts.bold(8);
            head.setColor(Color.WHITE);
            return new Fonts(title, subtitle, h, DocumentFonts.regular(8.5f), DocumentFonts.regular(7), DocumentFonts.bold(8.5f), head);
        }
    }

    /*
     * One method per section, each small: when the JIT deoptimizes one (a list class or a branch it had not seen, as the
     * batch's first certificates did to the whole renderer compiled as one 171 kB method), only that section is
     * compiled again.
     */
    private static byte[] render(CertificateContent c, CertificateSigner signer, String reason, Calendar when) {
        Fonts f = Fonts.make();
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        Document document = new Document(PageSize.A4, 36, 36, 30, 30);
        try {
            PdfWriter writer = open(document, out, c);
            CertificateSigner.Reservation signature = signer == null ? null : signer.reserve(writer, reason, when);
            heading(document, writer, c, f);
            tenant(document, c, f);
            contracts(document, writer, c, f);
            availability(document, writer, c, f.h(), f.head(), f.body(), f.bold(), f.small());
            measures(document, writer, c, f);
            rules(document, writer, c, f);
            obligations(document, writer, c, f);
            journal(document, c, f);
            document.close();
            return signature == null ? out.toByteArray() : signature.sign(out.toByteArray());
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("certificate rendering failed", e);
        }
    }

    private static PdfWriter open(Document document, ByteArrayOutputStream out, CertificateContent c) throws DocumentException, IOException {
        PdfWriter writer = SharedFontSubsets.writer(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        // the page's and the forms' content deflated at the fastest level: at the default level (6) zlib took about
        // a third of a certificate's time (native code, which JFR's execution samples do not show), for 1 % of the size
        writer.setCompressionLevel(Deflater.BEST_SPEED);
        writer.setStrictImageSequence(true); // a table (drawn as an image) that must go to the next page keeps its place in the text
        document.addTitle(nfc("Attestation d'hébergement et de conformité " + c.number()));
        document.addSubject(nfc(c.tenantName() + " (SIREN " + c.tenantSiren() + ")"));
        document.addCreator("Gestan Cloud");
        document.addAuthor("Gestan Cloud");
        document.open();
        return writer;
    }

    /** Header: title and number on the left, the QR code to the verification page on the right. */
    private static void heading(Document document, PdfWriter writer, CertificateContent c, Fonts f) throws DocumentException {
        List<Element> heading = new ArrayList<>();
        heading.add(new Paragraph(nfc("Attestation d'hébergement et de conformité"), f.title()));
        heading.add(new Paragraph("Hosting and compliance certificate", f.subtitle()));
        Paragraph number = new Paragraph();
        number.add(new Chunk(nfc("N° / No. "), f.body()));
        number.add(new Chunk(c.number(), DocumentFonts.bold(12)));
        number.setSpacingBefore(6);
        heading.add(number);
        heading.add(new Paragraph(nfc("Délivrée le / Issued on " + Shown.DATE_TIME.format(c.issuedAt())
                + "  ·  valable jusqu'au / valid until " + Shown.DATE_TIME.format(c.validUntil())), f.body()));
        if (c.supersedes() != null) {
            heading.add(new Paragraph(nfc("Remplace l'attestation / Supersedes " + c.supersedes()), f.body()));
        }
        Image qr = QrCodes.image(writer.getDirectContent(), c.verificationUrl(), 84);
        document.add(Grid.beside(writer, document.right() - document.left(), heading, qr));
    }

    /** The tenant. */
    private static void tenant(Document document, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section("Client hébergé / Hosted client", f.h()));
        Paragraph tenant = new Paragraph();
        tenant.add(new Chunk(nfc(c.tenantName()), DocumentFonts.bold(11)));
        tenant.add(new Chunk(nfc("   SIREN " + siren(c.tenantSiren())), f.body()));
        document.add(tenant);
        document.add(new Paragraph(nfc("Gestan Cloud atteste héberger les données de ce client dans les conditions "
                + "ci-dessous, constatées à la date de délivrance. / Gestan Cloud certifies that it hosts this client's data "
                + "under the conditions below, as found on the date of issue."), f.small()));
    }

    /** Contracts and sites. */
    private static void contracts(Document document, PdfWriter writer, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section("Contrats et sites d'hébergement / Contracts and hosting sites", f.h()));
        Font body = f.body();
        List<Grid.Cell[]> sites = new ArrayList<>();
        for (CertificateContent.ContractLine line : c.contracts()) {
            sites.add(new Grid.Cell[] {cell(nfc(line.offer() + "\nn° " + line.id() + " · " + Shown.DATE.format(line.startsOn())
                    + (line.endsOn() == null ? " →" : " → " + Shown.DATE.format(line.endsOn()))), body),
                    cell(line.serviceLevel(), body), cell(site(line.production()), body), cell(site(line.backup()), body),
                    cell(line.recoveryMinutes() == null ? "–" : "≈" + NNBSP + duration(line.recoveryMinutes()), f.bold())});
        }
        if (c.contracts().isEmpty()) {
            sites.add(new Grid.Cell[] {new Grid.Cell(new Phrase(nfc("Aucun contrat actif / No active contract"), body), 5)});
        }
        table(document, writer, new float[] {2.4f, 1.4f, 3.4f, 3.4f, 1.5f},
                new String[] {"Contrat / Contract", "Niveau / Level", "Production", "Sauvegarde / Backup", "Reprise / Recovery"}, f.head(), sites);
        document.add(new Paragraph(nfc("Reprise : durée estimée du plan de reprise d'activité (PRA) jusqu'au retour du service "
                + "de ce client après un sinistre. / Recovery: the disaster-recovery plan's estimated time until this client's "
                + "service is back."), f.small()));
    }

    /** Security measures, two a row. */
    private static void measures(Document document, PdfWriter writer, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section(nfc("Mesures de sécurité en vigueur (politique v" + c.policyVersion()
                + ") / Security measures in force (policy v" + c.policyVersion() + ")"), f.h()));
        List<Grid.Cell[]> measures = new ArrayList<>();
        List<Grid.Cell> pair = new ArrayList<>();
        for (CertificateContent.Measure m : c.measures()) {
            Phrase label = new Phrase(nfc(m.labelFr()) + "\n", f.body());
            label.add(new Chunk(nfc(m.labelEn()), f.small()));
            pair.add(new Grid.Cell(label));
            pair.add(cell(nfc(m.value()), f.bold()));
            if (pair.size() == 4) {
                measures.add(pair.toArray(Grid.Cell[]::new));
                pair.clear();
            }
        }
        if (!pair.isEmpty()) {
            pair.add(new Grid.Cell(new Phrase("", f.body()), 2));
            measures.add(pair.toArray(Grid.Cell[]::new));
        }
        table(document, writer, new float[] {5, 2.2f, 5, 2.2f}, null, f.head(), measures);
    }

    /** Rules. */
    private static void rules(Document document, PdfWriter writer, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section(nfc("Règles de conformité / Compliance rules"), f.h()));
        List<Grid.Cell[]> rules = new ArrayList<>();
        for (CertificateContent.RuleLine r : c.rules()) {
            rules.add(new Grid.Cell[] {cell(r.ruleId(), f.body()), cell(nfc(r.explanationFr() + "\n" + r.legalReference()), f.body()),
                    cell(outcome(r.outcome()), f.bold())});
        }
        table(document, writer, new float[] {2.2f, 6.5f, 1.6f}, new String[] {nfc("Règle / Rule"),
                nfc("Exigence et référence / Requirement and reference"), nfc("Résultat / Result")}, f.head(), rules);
    }

    /** The client's own obligations: what rests with the client, not a failure of ours. */
    private static void obligations(Document document, PdfWriter writer, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section(nfc("Obligations du client / Client's obligations"), f.h()));
        if (c.clientObligations().isEmpty()) {
            document.add(new Paragraph(nfc("Aucune obligation du client en attente / No pending client obligation"), f.body()));
            return;
        }
        document.add(new Paragraph(nfc("Ces points relèvent du client lui-même, non de l'hébergeur ; ils ne limitent pas "
                + "les engagements attestés ci-dessus. / These rest with the client itself, not with the host; they do not "
                + "limit the commitments certified above."), f.small()));
        List<Grid.Cell[]> todo = new ArrayList<>();
        for (CertificateContent.Obligation o : c.clientObligations()) {
            todo.add(new Grid.Cell[] {cell(o.ruleId(), f.body()), cell(nfc(ClientObligationTexts.fr(o.code()) + " / "
                    + ClientObligationTexts.en(o.code()) + (o.evidence().isBlank() ? "" : " (" + o.evidence() + ")")), f.body())});
        }
        table(document, writer, new float[] {2.2f, 8.1f}, new String[] {nfc("Règle / Rule"),
                nfc("Obligation du client / Client's obligation")}, f.head(), todo);
    }

    /** Journal checkpoint, and how to verify the certificate. */
    private static void journal(Document document, CertificateContent c, Fonts f) throws DocumentException {
        document.add(section(nfc("Journal des accès / Access journal"), f.h()));
        if (c.checkpoint() == null) {
            document.add(new Paragraph(nfc("Aucun point de contrôle signé à ce jour / No signed checkpoint yet"), f.body()));
        } else {
            document.add(new Paragraph(nfc("Point de contrôle signé / Signed checkpoint : entrée / entry n° "
                    + grouped(c.checkpoint().seq()) + ", " + Shown.DATE_TIME.format(c.checkpoint().createdAt())), f.body()));
            document.add(new Paragraph(nfc("Empreinte de tête / Head hash (SHA-256) : ") + c.checkpoint().headHash(), f.small()));
        }
        Paragraph verify = new Paragraph(nfc("Vérification / Verification : " + c.verificationUrl()), f.body());
        verify.setSpacingBefore(8);
        document.add(verify);
        document.add(new Paragraph(nfc("Ce document est signé électroniquement par Gestan Cloud ; toute modification invalide "
                + "la signature. Son statut (valide, expirée, révoquée) se vérifie à l'adresse ci-dessus ou par le code QR. / "
                + "This document is digitally signed by Gestan Cloud; any change invalidates the signature. Check its status "
                + "(valid, expired, revoked) at the address above or with the QR code."), f.small()));
    }

    /**
     * Its own section: each contract's production server's availability, the figures the client's dashboard shows
     * (computed once per server by the hosting module), with the unmonitored time apart and the time before the server
     * existed as not applicable. Nothing when no figures were given.
     */
    private static void availability(Document document, PdfWriter writer, CertificateContent c, Font h, Font head, Font body,
                                     Font bold, Font small) throws DocumentException {
        if (c.availability().isEmpty()) {
            return;
        }
        document.add(section(nfc("Disponibilité relevée par les serveurs / Availability reported by the servers"), h));
        List<Grid.Cell[]> rows = new ArrayList<>();
        for (CertificateContent.AvailabilityLine line : c.availability()) {
            rows.add(new Grid.Cell[] {cell(nfc("n° " + line.contractId()), body), cell(line.server(), body),
                    cell(period(line.month()), bold), cell(period(line.year()), bold)});
        }
        table(document, writer, new float[] {2.4f, 2f, 3.6f, 3.6f},
                new String[] {"Contrat / Contract", nfc("Serveur / Server"), "Ce mois / This month", "12 mois / 12 months"}, head, rows);
        document.add(new Paragraph(nfc("Calculée le / computed on " + Shown.DATE_TIME.format(c.availability().get(0).computedAt())
                + " à partir des mesures et événements transmis par les serveurs et des incidents publiés : le temps sans rapport "
                + "est compté à part (non surveillé), jamais comme disponible ; le temps avant la mise en service est sans objet. / "
                + "From the measurements and events the servers reported and the published incidents: time without reports is "
                + "counted apart (unmonitored), never as available; time before commissioning is not applicable."), small));
    }

    /** "99,95 % · non surveillé / unmonitored 2,10 %", or "pas de données / no data". */
    static String period(CertificateContent.Period p) {
        String figure = p.availabilityPercent() == null ? "pas de données / no data" : percent(p.availabilityPercent());
        return nfc(figure + "\nnon surveillé / unmonitored " + percent(p.unmonitoredPercent())
                + (p.notInServiceDays() > 0 ? "\navant mise en service / before commissioning " + p.notInServiceDays() + NNBSP + "j/d" : ""));
    }

    static String percent(double value) {
        return String.format(java.util.Locale.FRANCE, "%.2f", value) + NNBSP + "%";
    }

    static String site(CertificateContent.Site s) {
        if (s == null) {
            return nfc("Aucun / None");
        }
        String law = s.operatorHeadOffice() == null ? "?" : s.operatorHeadOffice();
        return nfc(s.server() + " · " + s.dataCentre() + "\n" + (s.city() == null ? "" : s.city() + " ")
                + "(" + (s.country() == null ? "?" : s.country()) + ")\n"
                + (s.operator() == null ? "?" : s.operator()) + nfc(", droit / law: ") + law
                + (s.parentGroupCountry() == null || s.parentGroupCountry().equals(law) ? "" : nfc(", groupe / group: ") + s.parentGroupCountry()));
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case "PASS" -> nfc("Conforme / Pass");
            case "OBLIGATION", "CLIENT_OBLIGATIONS" -> nfc("Conforme pour notre part ; obligations du client ci-dessous / Met on our part; client's obligations below");
            case "EVIDENCE_MISSING" -> nfc("Preuve à fournir / Evidence missing");
            case "FAIL" -> nfc("Non conforme / Fail");
            default -> outcome;
        };
    }

    /** {@code 1 025} minutes → {@code 17 h 05 min}. */
    public static String duration(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        return h == 0 ? m + "\u00A0min" : h + "\u00A0h\u00A0" + (m < 10 ? "0" : "") + m + "\u00A0min";
    }

    /** {@code 842317653} → {@code 842 317 653} with narrow no-break spaces. */
    public static String siren(String siren) {
        return siren.length() == 9 ? siren.substring(0, 3) + NNBSP + siren.substring(3, 6) + NNBSP + siren.substring(6) : siren;
    }

    static String grouped(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(NNBSP);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    public static String date(Instant instant) {
        return Shown.DATE_TIME.format(instant);
    }

    public static String date(LocalDate date) {
        return Shown.DATE.format(date);
    }

    private static Paragraph section(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(9);
        p.setSpacingAfter(3);
        return p;
    }

    /**
     * A table the width of the page: {@code headers} (none if null) in white on the brand colour, then {@code rows}.
     * Drawn as a {@link Grid} (each cell laid out once); one too tall to move to the next page as one piece is laid
     * out as OpenPDF's table, which breaks across pages and repeats its header.
     */
    private static void table(Document document, PdfWriter writer, float[] widths, String[] headers, Font headFont,
                              List<Grid.Cell[]> rows) throws DocumentException {
        Grid.Cell[] head = null;
        if (headers != null) {
            head = new Grid.Cell[headers.length];
            for (int i = 0; i < headers.length; i++) {
                head[i] = new Grid.Cell(new Phrase(headers[i], headFont));
            }
        }
        Grid grid = new Grid(writer, document.right() - document.left(), widths);
        if (head != null) {
            grid.row(BRAND, Color.BLACK, head);
        }
        for (Grid.Cell[] row : rows) {
            if (!grid.fits()) {
                break;
            }
            grid.row(null, LIGHT, row);
        }
        if (grid.fits()) {
            document.add(grid.image());
            return;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        if (head != null) {
            table.setHeaderRows(1);
            for (Grid.Cell header : head) {
                PdfPCell cell = new PdfPCell(header.phrase());
                cell.setBackgroundColor(BRAND);
                cell.setPadding(3);
                table.addCell(cell);
            }
        }
        for (Grid.Cell[] row : rows) {
            for (Grid.Cell c : row) {
                PdfPCell cell = new PdfPCell(c.phrase());
                cell.setPadding(3);
                cell.setBorderColor(LIGHT);
                cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                cell.setColspan(c.span());
                table.addCell(cell);
            }
        }
        document.add(table);
    }

    private static Grid.Cell cell(String value, Font font) {
        return new Grid.Cell(new Phrase(value, font));
    }
}

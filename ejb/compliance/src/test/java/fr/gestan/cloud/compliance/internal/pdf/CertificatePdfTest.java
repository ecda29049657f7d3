package fr.gestan.cloud.compliance.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate PDF read back by independent tools: PDFBox's text extractor (accents, figures), poppler's
 * {@code pdfsig} (signature), ZXing (QR code from the rendered page).
 */
class CertificatePdfTest {

    @TempDir
    static Path dir;
    static SigningKey key;
    static byte[] signed;

    @BeforeAll
    static void sign() {
        key = SigningKey.loadOrCreate(dir.resolve("keys/signing.p12"), null, SigningKey.DEFAULT_ALIAS);
        signed = CertificatePdf.renderSigned(Samples.content("GC-2026-000123"), new CertificateSigner(key), "Attestation GC-2026-000123",
                new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC")));
        try {
            Files.write(Path.of("target", "certificate-sample.pdf"), signed); // for people to look at
        } catch (IOException e) {
            // not important
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // cells wrap their lines: compare on one line (\\s leaves U+00A0 and U+202F alone)
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_text_reads_back_with_its_accents_and_figures() throws IOException {
        String text = text(signed);
        for (String expected : List.of("Attestation d'hébergement et de conformité", "Boulangerie Léonie & Fils SARL",
                "SIREN 842\u202F317\u202F653", "GC-2026-000123", "Saint-Ouen-l'Aumône", "Vitry-sur-Seine", "Scaleway SAS",
                "≈\u202F17\u00A0h\u00A005\u00A0min", "Rétention des sauvegardes", "3650 jours / days", "politique v3",
                "R1-ACCOUNTING-EU", "Conforme / Pass", "Conforme pour notre part", "Obligations du client / Client's obligations", "accepter le contrat de sous-traitance", "12\u202F345",
                "9f".repeat(32), "Délivrée le / Issued on 28/11/2026 11:15", "valid until 28/11/2027 11:15",
                "https://gestan.example/verify?number=GC-2026-000123")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
        }
        assertFalse(text.contains("\u0301"), "no decomposed accents");
    }

    @Test
    void the_availability_per_contract_has_a_section_of_its_own_with_the_unmonitored_time_apart() throws IOException {
        String text = text(CertificatePdf.render(Samples.withAvailability("GC-2026-000043")));
        assertTrue(text.contains("Disponibilité relevée par les serveurs / Availability reported by the servers"), text);
        assertTrue(text.contains("99,95\u202F% non surveillé / unmonitored 2,10\u202F%"), text);
        assertTrue(text.contains("pas de données / no data non surveillé / unmonitored 100,00\u202F% avant mise en service / before "
                + "commissioning 200\u202Fj/d"), text);
        assertTrue(text.contains("Calculée le / computed on 28/11/2026 11:05"), text);
        assertFalse(text(signed).contains("Availability reported by the servers"), "no figures given: no section");
    }

    @Test
    void decomposed_input_is_normalised_to_nfc() throws IOException {
        CertificateContent c = Samples.content("GC-2026-000124");
        CertificateContent decomposed = new CertificateContent(c.number(), "Cafe\u0301 Ge\u0301rard", c.tenantSiren(), c.contracts(),
                c.policyVersion(), c.measures(), c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null);
        assertTrue(text(CertificatePdf.render(decomposed)).contains("Café Gérard"));
    }

    /** The names of the page's fonts, subset tag included ("ABCDEF+LiberationSans"). */
    static java.util.Set<String> fonts(byte[] pdf) throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.PDResources resources = doc.getPage(0).getResources();
            for (org.apache.pdfbox.cos.COSName name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
        }
        return names;
    }

    @Test
    void every_certificate_embeds_the_same_shared_font_subsets_unless_a_character_is_outside_them() throws Exception {
        assertTrue(SharedFontSubsets.enabled(), "OpenPDF's font details are readable");
        java.util.Set<String> shared = fonts(signed);
        assertEquals(2, shared.size(), shared::toString);
        // another certificate, other figures: the same two subsets (a subset of its own would have another random tag)
        assertEquals(shared, fonts(CertificatePdf.render(Samples.withAvailability("GC-2026-000126"))));
        byte[] again = CertificatePdf.renderSigned(Samples.content("GC-2026-000127"), new CertificateSigner(key), "Attestation GC-2026-000127",
                new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC")));
        assertEquals(shared, fonts(again));
        assertTrue(pdfsig(again).contains("Signature is Valid."), "the same signer signs again");

        // a name with letters outside the shared subsets: its bold font is subset for it, and it reads back
        CertificateContent c = Samples.content("GC-2026-000128");
        byte[] polish = CertificatePdf.render(new CertificateContent(c.number(), "Łódź Żuraw Sp. z o.o.", c.tenantSiren(), c.contracts(),
                c.policyVersion(), c.measures(), c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null));
        assertTrue(text(polish).contains("Łódź Żuraw Sp. z o.o."), () -> "name missing");
        java.util.Set<String> own = fonts(polish);
        assertEquals(2, own.size(), own::toString);
        assertFalse(shared.containsAll(own), () -> shared + " / " + own);
    }

    @Test
    void the_rules_printed_texts_are_all_in_the_shared_font_subsets_so_no_certificate_subsets_a_font_of_its_own() throws Exception {
        // every certificate prints each rule's legal reference and explanation: one character outside the shared
        // subsets (the "§" of the legal references, until issue 19's fifth step) had every certificate subset its font
        for (fr.gestan.cloud.compliance.internal.rules.ComplianceRule rule : fr.gestan.cloud.compliance.internal.rules.Rules.ALL) {
            for (String printed : List.of(rule.legalReference(), rule.explanationFr())) {
                for (char ch : printed.toCharArray()) {
                    assertTrue(SharedFontSubsets.CHARACTERS.indexOf(ch) >= 0,
                            () -> rule.id() + " prints '" + ch + "' (U+" + Integer.toHexString(ch) + "), outside the shared subsets");
                }
            }
        }
        java.util.Set<String> shared = fonts(signed);
        CertificateContent c = Samples.content("GC-2026-000129");
        List<CertificateContent.RuleLine> cited = new java.util.ArrayList<>(c.rules());
        cited.add(new CertificateContent.RuleLine("R7-CONFIDENTIALITY", "Code pénal, art. 226-13 ; RGPD art. 32 § 4", "PASS", "Confidentialité."));
        byte[] withParagraphSign = CertificatePdf.render(new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(), c.contracts(),
                c.policyVersion(), c.measures(), cited, c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null));
        assertEquals(shared, fonts(withParagraphSign), "the shared subsets, not one of its own");
        assertTrue(text(withParagraphSign).contains("art. 32 § 4"), "the sign is printed");
    }

    @Test
    void the_tables_are_laid_out_once_each_and_a_long_one_still_breaks_across_pages() throws Exception {
        // the usual certificate: one page, its head and tables drawn once each as forms (not cell by cell in the page)
        try (PDDocument doc = Loader.loadPDF(signed)) {
            assertEquals(1, doc.getNumberOfPages());
            int forms = 0;
            for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getXObjectNames()) {
                if (doc.getPage(0).getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) {
                    forms++;
                }
            }
            assertEquals(5, forms, "the head (title and QR code), the contracts, the measures, the rules, the client's obligations");
        }
        // 40 contracts: taller than a page, laid out as OpenPDF's table across pages, every contract printed
        CertificateContent c = Samples.content("GC-2026-000129");
        List<CertificateContent.ContractLine> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CertificateContent.ContractLine line = c.contracts().get(0);
            many.add(new CertificateContent.ContractLine(9000 + i, line.offer(), line.startsOn(), line.endsOn(), line.serviceLevel(),
                    line.production(), line.backup(), line.recoveryMinutes()));
        }
        byte[] pdf = CertificatePdf.render(new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(), many, c.policyVersion(),
                c.measures(), c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null));
        String text = text(pdf);
        for (int i = 0; i < 40; i++) {
            assertTrue(text.contains("n° " + (9000 + i) + " ·"), "contract " + (9000 + i));
        }
        assertTrue(text.contains("Conforme / Pass") && text.contains("Vérification / Verification"), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
        }
    }

    @Test
    void the_page_and_its_forms_are_deflated_at_the_fastest_level() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            org.apache.pdfbox.pdmodel.PDPage page = doc.getPage(0);
            List<org.apache.pdfbox.cos.COSStream> streams = new ArrayList<>();
            streams.add((org.apache.pdfbox.cos.COSStream) page.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS));
            for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                streams.add(page.getResources().getXObject(name).getCOSObject());
            }
            assertEquals(6, streams.size(), "the page and its five forms");
            for (org.apache.pdfbox.cos.COSStream stream : streams) {
                byte[] head;
                try (var raw = stream.createRawInputStream()) {
                    head = raw.readNBytes(2);
                }
                // zlib's header names the level: 78 01 the fastest, 78 9C the default (which took a third of the time)
                assertEquals("78 01", String.format("%02X %02X", head[0], head[1]), stream::toString);
            }
        }
    }

    @Test
    void the_document_is_dated_when_rendered_as_openpdf_dates_it() throws Exception {
        // SharedFontSubsets.DatedOnce dates the info dictionary without OpenPDF's per-document SimpleDateFormat: the
        // same /CreationDate entry (PDF date with its zone), the producer kept
        long before = System.currentTimeMillis() / 1000 * 1000;
        byte[] pdf = CertificatePdf.render(Samples.content("GC-2026-000125"));
        long after = System.currentTimeMillis();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.Calendar created = doc.getDocumentInformation().getCreationDate();
            assertTrue(created != null, "a /CreationDate entry");
            assertTrue(created.getTimeInMillis() >= before && created.getTimeInMillis() <= after,
                    created.toInstant() + " between " + java.time.Instant.ofEpochMilli(before) + " and " + java.time.Instant.ofEpochMilli(after));
            assertTrue(doc.getDocumentInformation().getProducer().startsWith("OpenPDF"), doc.getDocumentInformation().getProducer());
        }
        assertTrue(new SharedFontSubsets.DatedOnce().addCreationDate(), "a document still takes its date");
    }

    @Test
    void pdfsig_says_the_signature_is_valid_and_covers_the_whole_document() throws Exception {
        String report = pdfsig(signed);
        assertTrue(report.contains("Signature is Valid."), report);
        assertTrue(report.contains("Total document signed"), report);
        assertTrue(report.contains("SHA-256") || report.contains("SHA256"), report);
        assertTrue(report.contains("Gestan Cloud"), report);
    }

    @Test
    void a_new_key_is_ecdsa_p256_and_its_one_pass_signature_is_small() throws Exception {
        assertEquals("EC", key.privateKey().getAlgorithm());
        assertEquals("SHA256withECDSA", key.certificate().getSigAlgName());
        assertEquals(256, ((java.security.interfaces.ECPublicKey) key.certificate().getPublicKey()).getParams().getOrder().bitLength());
        // one pass: the signature is in the document's only revision (no incremental update appended)
        String raw = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(1, raw.split("%%EOF", -1).length - 1, "one revision");
        // the reserved value fits an EC key (4 KB, written in hex), not the 16 KB reserved before
        java.util.regex.Matcher contents = java.util.regex.Pattern.compile("/Contents ?<([0-9a-f]+)>").matcher(raw);
        assertTrue(contents.find(), "signature value");
        assertTrue(contents.group(1).length() <= 2 * 4096, contents.group(1).length() + " hex digits");
        // the two shared font subsets (about 19 KB each, 23 KB before their unused metrics were cleared) are most of the rest
        assertTrue(signed.length < 60_000, signed.length + " bytes");
    }

    @Test
    void the_signing_time_in_the_signature_is_the_issue_time_to_the_second() throws Exception {
        CertificateSigner signer = new CertificateSigner(key);
        java.time.Instant issued = java.time.Instant.parse("2026-11-28T10:15:30.700Z");
        for (java.time.Instant when : List.of(issued, issued.plusMillis(200), issued.plusSeconds(1), issued)) {
            java.util.Calendar calendar = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(when.toEpochMilli());
            byte[] pdf = CertificatePdf.renderSigned(Samples.content("GC-2026-000130"), signer, "Attestation GC-2026-000130", calendar);
            org.bouncycastle.cms.SignerInformation info = SigningKeyRingTest.cms(pdf).getSignerInfos().getSigners().iterator().next();
            org.bouncycastle.asn1.cms.Attribute time = info.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
            assertEquals(when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    org.bouncycastle.asn1.cms.Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant(), when::toString);
            assertTrue(pdfsig(pdf).contains("Signature is Valid."));
        }
    }

    @Test
    void an_existing_rsa_key_store_still_signs_and_its_signatures_verify_old_and_new() throws Exception {
        SigningKey rsa = rsaStore(dir.resolve("keys/rsa.p12"));
        CertificateSigner signer = new CertificateSigner(rsa);
        // as certificates were signed before (incremental update after a second reading) ...
        byte[] before = signer.sign(CertificatePdf.render(Samples.content("GC-2026-000124")), "Attestation GC-2026-000124");
        // ... and in one pass, as an installation whose active key is still RSA signs now
        byte[] now = CertificatePdf.renderSigned(Samples.content("GC-2026-000125"), signer, "Attestation GC-2026-000125",
                new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC")));
        for (byte[] pdf : List.of(before, now)) {
            String report = pdfsig(pdf);
            assertTrue(report.contains("Signature is Valid.") && report.contains("Total document signed"), report);
        }
        assertTrue(pdfsig(altered(now)).contains("Digest Mismatch."));
    }

    /** A PKCS#12 store with an RSA 2048 key, as {@link SigningKey} generated them before ECDSA. */
    static SigningKey rsaStore(Path path) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit".toCharArray();
        store.setKeyEntry(SigningKey.DEFAULT_ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {SigningKey.selfSigned(pair)});
        Files.createDirectories(path.getParent());
        try (var out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        SigningKey key = SigningKey.loadOrCreate(path, "changeit", SigningKey.DEFAULT_ALIAS);
        assertEquals("RSA", key.privateKey().getAlgorithm());
        return key;
    }

    @Test
    void one_changed_byte_breaks_the_digest() throws Exception {
        byte[] altered = altered(signed);
        String report = pdfsig(altered);
        assertTrue(report.contains("Digest Mismatch."), report);
        assertFalse(report.contains("Signature is Valid."), report);
    }

    /** A copy with one byte of the signed range changed (inside the page content, away from the signature value). */
    static byte[] altered(byte[] pdf) {
        byte[] copy = pdf.clone();
        String latin = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("/Producer");
        if (at < 0) {
            at = latin.indexOf("/Creator");
        }
        int i = latin.indexOf('(', at) + 2;
        copy[i] = (byte) (copy[i] == 'x' ? 'y' : 'x');
        return copy;
    }

    @Test
    void the_qr_code_decodes_to_the_verification_url() throws Exception {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(signed)) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
        }
        page = page.getSubimage(page.getWidth() * 2 / 3, 0, page.getWidth() / 3, page.getHeight() / 4); // the top right corner
        int w = page.getWidth();
        int h = page.getHeight();
        int[] pixels = page.getRGB(0, 0, w, h, null, 0, w);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)))).getText();
        assertEquals("https://gestan.example/verify?number=GC-2026-000123", decoded);
    }

    @Test
    void the_generated_key_store_is_reused_and_private() throws Exception {
        Path store = dir.resolve("keys/signing.p12");
        SigningKey again = SigningKey.loadOrCreate(store, null, SigningKey.DEFAULT_ALIAS);
        assertEquals(key.certificate(), again.certificate());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keys/signing.p12.password"))));
    }

    static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(dir, "cert", ".pdf");
        Files.write(file, pdf);
        List<String> command = new ArrayList<>(List.of("pdfsig", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return output;
    }
}

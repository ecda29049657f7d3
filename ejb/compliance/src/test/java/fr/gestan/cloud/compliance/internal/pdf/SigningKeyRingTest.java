package fr.gestan.cloud.compliance.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import fr.gestan.cloud.common.keys.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate signing key ring: the PDF's signature names its key; old signatures stay valid after a rotation. */
class SigningKeyRingTest {

    @Test
    void a_rotation_signs_new_pdfs_with_the_new_key_and_leaves_old_ones_valid(@TempDir Path dir) throws Exception {
        Path initial = dir.resolve("data/certificate-signing.p12");
        KeyRing ring = new KeyRing(dir.resolve("keys/certificate-signing"), SigningKeyRing.SUFFIX);
        SigningKeyRing before = SigningKeyRing.load(initial, null, SigningKey.DEFAULT_ALIAS, ring);
        assertTrue(Files.exists(initial), "no key anywhere: the initial store is generated, as before rings");
        String initialId = before.active().id();
        assertEquals(initialId, before.initialId());
        byte[] old = new CertificateSigner(before.active().key()).sign(CertificatePdf.render(Samples.content("GC-2026-000001")), "old");
        assertEquals(initialId, signerId(old), "the signature names its key: the id of the certificate it embeds");

        String rotated = SigningKeyRing.rotate(ring);
        assertNotEquals(initialId, rotated);
        try (var files = Files.list(ring.folder())) {
            assertEquals(java.util.Set.of("active", rotated + ".p12", rotated + ".p12.password"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "no pending file left");
        }
        SigningKeyRing after = SigningKeyRing.load(initial, null, SigningKey.DEFAULT_ALIAS, ring);
        assertEquals(rotated, after.active().id());
        assertEquals(List.of(initialId, rotated), after.members().stream().map(SigningKeyRing.Member::id).toList());
        byte[] fresh = new CertificateSigner(after.active().key()).sign(CertificatePdf.render(Samples.content("GC-2026-000002")), "new");
        assertEquals(rotated, signerId(fresh), "new certificates are signed with the new key");

        assertTrue(pdfsig(dir, fresh).contains("Signature is Valid."));
        String oldReport = pdfsig(dir, old);
        assertTrue(oldReport.contains("Signature is Valid.") && oldReport.contains("Total document signed"), oldReport);
    }

    @Test
    void each_key_has_one_signer_that_signs_every_certificate_until_the_key_changes(@TempDir Path dir) throws Exception {
        Path initial = dir.resolve("data/certificate-signing.p12");
        KeyRing ring = new KeyRing(dir.resolve("keys/certificate-signing"), SigningKeyRing.SUFFIX);
        SigningKeyRing keys = SigningKeyRing.load(initial, null, SigningKey.DEFAULT_ALIAS, ring);
        CertificateSigner signer = keys.signer(keys.active());
        assertSame(signer, keys.signer(keys.active()), "made once per key, not for every certificate");
        java.util.Calendar when = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
        byte[] first = CertificatePdf.renderSigned(Samples.content("GC-2026-000003"), signer, "first", when);
        byte[] second = CertificatePdf.renderSigned(Samples.content("GC-2026-000004"), keys.signer(keys.active()), "second", when);
        assertEquals(keys.active().id(), signerId(second));
        assertTrue(pdfsig(dir, first).contains("Signature is Valid.") && pdfsig(dir, second).contains("Signature is Valid."));

        String rotated = SigningKeyRing.rotate(ring);
        SigningKeyRing after = SigningKeyRing.load(initial, null, SigningKey.DEFAULT_ALIAS, ring);
        assertNotSame(signer, after.signer(after.active()));
        byte[] fresh = CertificatePdf.renderSigned(Samples.content("GC-2026-000005"), after.signer(after.active()), "fresh", when);
        assertEquals(rotated, signerId(fresh), "the rotated key signs with a signer of its own");
    }

    @Test
    void a_batch_page_signs_with_the_key_active_when_it_was_read_and_the_next_page_sees_another_nodes_rotation(@TempDir Path dir)
            throws Exception {
        System.setProperty(KeyRing.DIR_PROPERTY, dir.resolve("keys").toString());
        System.setProperty(SigningKey.PATH_PROPERTY, dir.resolve("data/certificate-signing.p12").toString());
        KeyRing ring = SigningKeyRing.ring();
        try {
            String first = SigningKeyRing.rotate(ring); // on this node: what it had loaded is forgotten
            SigningKeyRing.ActiveSigner page1 = SigningKeyRing.current().activeSigner();
            assertEquals(first, page1.id());
            assertSame(page1.signer(), SigningKeyRing.current().activeSigner().signer(), "an unchanged ring is not loaded again");

            // another node sharing the keys folder rotates: its store, then the active file; nothing is forgotten here
            Path made = dir.resolve("other-node.p12");
            String other = SigningKeyRing.idOf(SigningKey.loadOrCreate(made, null, SigningKey.DEFAULT_ALIAS));
            Files.move(made.resolveSibling("other-node.p12.password"), ring.folder().resolve(other + ".p12.password"));
            Files.move(made, ring.file(other));
            ring.activate(other);

            java.util.Calendar when = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
            byte[] rest = CertificatePdf.renderSigned(Samples.content("GC-2026-000006"), page1.signer(), "page 1", when);
            assertEquals(first, signerId(rest), "the page read before the rotation signs the rest of its certificates with its key");
            SigningKeyRing.ActiveSigner page2 = SigningKeyRing.current().activeSigner();
            assertEquals(other, page2.id(), "the next page reads the active file again: the other node's key");
            byte[] next = CertificatePdf.renderSigned(Samples.content("GC-2026-000007"), page2.signer(), "page 2", when);
            assertEquals(other, signerId(next));
            assertTrue(pdfsig(dir, rest).contains("Signature is Valid.") && pdfsig(dir, next).contains("Signature is Valid."));
        } finally {
            System.clearProperty(KeyRing.DIR_PROPERTY);
            System.clearProperty(SigningKey.PATH_PROPERTY);
            SigningKeyRing.rotate(ring); // in the test's folder, which makes this JVM forget the test's ring
        }
    }

    /** poppler's report on the PDF's signature (an independent verifier). */
    static String pdfsig(Path dir, byte[] pdf) throws Exception {
        Path file = Files.createTempFile(dir, "cert", ".pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return output;
    }

    /** The id of the certificate of the PDF's (only) signature, as the ring derives it. */
    static String signerId(byte[] pdf) throws Exception {
        CMSSignedData cms = cms(pdf);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
        return KeyRing.idOf(certificate.getEncoded());
    }

    /** The CMS value of the PDF's (only) signature. */
    static CMSSignedData cms(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            String name = fields.getSignatureTypes().keySet().iterator().next();
            PdfDictionary signature = fields.getSignatureDictionary(name);
            // the value is padded with zeros to its reserved size: read the one DER object at its start
            byte[] value = signature.getAsString(PdfName.CONTENTS).getOriginalBytes();
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(value)) {
                return new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
            }
        } finally {
            reader.close();
        }
    }
}

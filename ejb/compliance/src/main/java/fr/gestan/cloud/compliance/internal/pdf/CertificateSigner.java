package fr.gestan.cloud.compliance.internal.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Signs a PDF with a detached CMS signature ({@code adbe.pkcs7.detached}, SHA-256) over the whole file except the
 * signature's own value, as poppler's {@code pdfsig} and Acrobat verify it. Two ways: {@link #reserve} while the
 * document is written (one pass: the signature field and a placeholder are written with the page, the value is filled
 * in the finished bytes; what certificates use), or {@link #sign(byte[], String, Calendar)} of a finished PDF (read
 * again, incremental update). ECDSA P-256 keys (the ones generated now) and RSA keys (those of existing key stores)
 * both sign. BouncyCastle is used through a provider instance, never
 * registered with {@code Security.addProvider} (that would pin this class loader on redeploy).
 */
public final class CertificateSigner {

    static final Provider PROVIDER = new BouncyCastleProvider();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SigningKey key;
    /** Bytes reserved for the CMS value: the signature, its signed attributes and the key's certificate chain. */
    private final int reserved;
    /** What every signature reuses: the key's certificate and chain as BouncyCastle reads them, the digests. */
    private final X509CertificateHolder certificate;
    private final Store<X509CertificateHolder> chain;
    private final DigestCalculatorProvider digests;
    /**
     * Signers of the key ready for use (a {@code Signature} initialised with the key is reusable after each signature,
     * one at a time): one per thread that signed at once, not one created and initialised for every signature.
     */
    private final Queue<ContentSigner> signers = new ConcurrentLinkedQueue<>();
    /** The signed signing-time attribute of the last second signed in (BouncyCastle's own formats the time anew each time). */
    private volatile SigningTime signingTime;

    /** The signing-time attribute of one second (seconds since the epoch). */
    private record SigningTime(long second, AttributeTable attributes) {
    }

    public CertificateSigner(SigningKey key) {
        this.key = key;
        int chain = 0;
        for (X509Certificate c : key.chain()) {
            try {
                chain += c.getEncoded().length;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("unreadable signing certificate", e);
            }
        }
        // 2 KB for the CMS structure, the signed attributes and a signature of up to RSA 4096, rounded up
        this.reserved = (chain + 2048 + 1023) / 1024 * 1024;
        try {
            this.certificate = new X509CertificateHolder(key.certificate().getEncoded());
            this.chain = new JcaCertStore(List.of(key.chain()));
            // the JDK's SHA-256 (CPU instructions) digests the document several times faster than BouncyCastle's
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("unreadable signing certificate", e);
        }
    }

    /**
     * Writes into a document being written (after {@code open}, before {@code close}) an invisible signature field on
     * the current page and its signature dictionary, whose byte range and value are placeholders that
     * {@link Reservation#sign} fills in the finished bytes: no second reading of the PDF.
     */
    public Reservation reserve(PdfWriter writer, String reason, Calendar when) throws IOException {
        PdfSignature dictionary = dictionary(reason, when);
        PdfLiteral range = new PdfLiteral(80);
        PdfLiteral contents = new PdfLiteral(reserved * 2 + 2);
        dictionary.put(PdfName.BYTERANGE, range);
        dictionary.put(PdfName.CONTENTS, contents);
        PdfIndirectReference ref = writer.addToBody(dictionary).getIndirectReference();
        PdfFormField field = PdfFormField.createSignature(writer);
        field.setFieldName("Signature1");
        field.put(PdfName.V, ref);
        field.setFlags(PdfAnnotation.FLAGS_PRINT | PdfAnnotation.FLAGS_LOCKED);
        field.setWidget(new Rectangle(0, 0), null); // invisible, as before
        field.setAppearance(PdfAnnotation.APPEARANCE_NORMAL, writer.getDirectContent().createTemplate(0, 0));
        field.setPage();
        writer.addAnnotation(field);
        writer.getAcroForm().setSigFlags(PdfWriter.SIGNATURE_EXISTS | PdfWriter.SIGNATURE_APPEND_ONLY);
        return new Reservation(range, contents, when);
    }

    /** The placeholders of a signature written by {@link #reserve}. */
    public final class Reservation {
        private final PdfLiteral range;
        private final PdfLiteral contents;
        private final Calendar when;

        private Reservation(PdfLiteral range, PdfLiteral contents, Calendar when) {
            this.range = range;
            this.contents = contents;
            this.when = when;
        }

        /** Fills the byte range and the CMS value into the finished document's bytes (in place) and returns them. */
        public byte[] sign(byte[] pdf) {
            int start = Math.toIntExact(contents.getPosition());
            int end = start + contents.getPosLength();
            byte[] ranges = ("[0 " + start + " " + end + " " + (pdf.length - end) + "]").getBytes(StandardCharsets.US_ASCII);
            int at = Math.toIntExact(range.getPosition());
            if (ranges.length > range.getPosLength() || !blank(pdf, at, range.getPosLength()) || !blank(pdf, start, end - start)) {
                // the placeholders are where the writer put them, still blank: anything else would sign the wrong bytes
                throw new IllegalStateException("unexpected signature placeholder");
            }
            System.arraycopy(ranges, 0, pdf, at, ranges.length);
            byte[] cms = cms(new CMSTypedData() {
                @Override
                public ASN1ObjectIdentifier getContentType() {
                    return CMSObjectIdentifiers.data;
                }

                @Override
                public void write(OutputStream out) throws IOException {
                    out.write(pdf, 0, start);
                    out.write(pdf, end, pdf.length - end);
                }

                @Override
                public Object getContent() {
                    return pdf; // not null: BouncyCastle digests nothing for absent content
                }
            }, when);
            pdf[start] = '<';
            for (int i = 0; i < reserved; i++) {
                int b = i < cms.length ? cms[i] & 0xff : 0;
                pdf[start + 1 + 2 * i] = HEX[b >> 4];
                pdf[start + 2 + 2 * i] = HEX[b & 0xf];
            }
            pdf[end - 1] = '>';
            return pdf;
        }
    }

    private static boolean blank(byte[] pdf, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (pdf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Signs a finished PDF: read again, signed in an incremental update (the way before the one-pass signature). */
    public byte[] sign(byte[] pdf, String reason, Calendar when) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, false);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setReason(reason);
            appearance.setLocation("France");
            appearance.setSignDate(when);
            appearance.setAcro6Layers(true);
            appearance.setCryptoDictionary(dictionary(reason, when));
            Map<PdfName, Integer> exclusions = new HashMap<>();
            exclusions.put(PdfName.CONTENTS, reserved * 2 + 2);
            appearance.preClose(exclusions);

            byte[] data;
            try (InputStream range = appearance.getRangeStream()) {
                data = range.readAllBytes();
            }
            byte[] padded = new byte[reserved];
            byte[] cms = cms(new CMSProcessableByteArray(data), when);
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(update);
            reader.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF signing failed", e);
        }
    }

    public byte[] sign(byte[] pdf, String reason) {
        return sign(pdf, reason, new GregorianCalendar(TimeZone.getTimeZone("UTC")));
    }

    private static PdfSignature dictionary(String reason, Calendar when) {
        PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
        dictionary.setReason(reason);
        dictionary.setLocation("France");
        dictionary.setName("Gestan Cloud");
        dictionary.setDate(new PdfDate(when));
        return dictionary;
    }

    /** The CMS signature of {@code data}, its signing time {@code when} (the signature dictionary's date). */
    private byte[] cms(CMSTypedData data, Calendar when) {
        try {
            ContentSigner signer = signers.poll();
            if (signer == null) {
                signer = contentSigner();
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime(when))).build(signer, certificate));
            generator.addCertificates(chain);
            byte[] cms = generator.generate(data, false).getEncoded();
            signers.offer(signer); // signed: ready again (after a failure it is dropped)
            if (cms.length > reserved) {
                throw new IllegalStateException("the CMS signature (" + cms.length + " bytes) exceeds the reserved space");
            }
            return cms;
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("CMS signature failed", e);
        }
    }

    /**
     * The signing-time attribute of {@code when}'s second, made once per second: BouncyCastle's default one formats the
     * current time with a new {@code SimpleDateFormat} for every signature (a tenth of the CMS work).
     */
    private AttributeTable signingTime(Calendar when) {
        long second = Math.floorDiv(when.getTimeInMillis(), 1000);
        SigningTime last = signingTime;
        if (last == null || last.second() != second) {
            last = new SigningTime(second, new AttributeTable(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date(second * 1000))))));
            signingTime = last;
        }
        return last.attributes();
    }

    private ContentSigner contentSigner() throws OperatorCreationException {
        // BouncyCastle's ECDSA (fixed-point multiplication) signs about twice as fast as Java 17's SunEC, 2× RSA 2048
        String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key.privateKey());
    }
}

package fr.gestan.cloud.compliance.internal.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF with a detached CMS signature ({@code adbe.pkcs7.detached}, SHA-256) over the whole file except the
 * signature's own value, as poppler's {@code pdfsig} and Acrobat verify it. BouncyCastle is used through a provider
 * instance, never registered with {@code Security.addProvider} (that would pin this class loader on redeploy).
 */
public final class CertificateSigner {

    static final Provider PROVIDER = new BouncyCastleProvider();
    /** Bytes reserved for the CMS value: a 2048- or 4096-bit RSA signature with a chain of a few certificates. */
    private static final int RESERVED = 16 * 1024;

    private final SigningKey key;

    public CertificateSigner(SigningKey key) {
        this.key = key;
    }

    public byte[] sign(byte[] pdf, String reason, Calendar when) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * RESERVED + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, false);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setReason(reason);
            appearance.setLocation("France");
            appearance.setSignDate(when);
            appearance.setAcro6Layers(true);
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
            dictionary.setReason(reason);
            dictionary.setLocation("France");
            dictionary.setName("Gestan Cloud");
            dictionary.setDate(new PdfDate(when));
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> exclusions = new HashMap<>();
            exclusions.put(PdfName.CONTENTS, RESERVED * 2 + 2);
            appearance.preClose(exclusions);

            byte[] cms = cms(appearance.getRangeStream());
            if (cms.length > RESERVED) {
                throw new IllegalStateException("the CMS signature (" + cms.length + " bytes) exceeds the reserved space");
            }
            byte[] padded = new byte[RESERVED];
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

    private byte[] cms(InputStream range) throws IOException {
        byte[] data = range.readAllBytes();
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.chain())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
            return signed.getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
            throw new IllegalStateException("CMS signature failed", e);
        }
    }
}

package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.config.PublicAddress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The public address printed in certificates and their QR codes: system property {@value #PROPERTY} or environment
 * variable {@value #ENV} (e.g. {@code https://cloud.gestan.fr}), default {@value #DEFAULT}, then
 * {@code /verify?number=...}.
 */
public final class VerificationUrls {

    public static final String PROPERTY = PublicAddress.PROPERTY;
    public static final String ENV = PublicAddress.ENV;
    public static final String DEFAULT = PublicAddress.DEFAULT;
    private static final Logger LOG = Logger.getLogger(VerificationUrls.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private VerificationUrls() {
    }

    public static String baseUrl() {
        String base = PublicAddress.configured();
        if (base == null) {
            base = DEFAULT;
            if (WARNED.compareAndSet(false, true)) {
                // printed for good in each signed PDF and its QR code: fine on a laptop, wrong anywhere else
                LOG.warning(() -> "Certificates print " + DEFAULT + " as their verification address: set " + ENV
                        + " (or -D" + PROPERTY + ") to the public address before issuing real certificates");
            }
        }
        return base;
    }

    public static String of(String number) {
        return baseUrl() + "/verify?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }
}

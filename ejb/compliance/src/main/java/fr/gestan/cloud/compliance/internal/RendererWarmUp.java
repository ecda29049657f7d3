package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.health.WarmUp;
import fr.gestan.cloud.compliance.internal.pdf.CertificatePdf;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import fr.gestan.cloud.compliance.internal.pdf.TypicalCertificate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Logger;

/**
 * Warms the certificate renderer once this node is ready (issue 19): a few hundred typical certificates
 * ({@link TypicalCertificate}) rendered and signed with the active key on one thread, then dropped (nothing stored,
 * journaled or sent), so that the JIT has compiled the renderer before the first batch or issue instead of during it.
 * Readiness is not held for it: it starts once the web module's warm-up is over ({@link WarmUp}), or, in a deployment
 * without one, {@value #WITHOUT_WEB_MS} ms after this module started. {@value #RENDERS_PROPERTY} (system property) or
 * {@value #RENDERS_ENV}: how many, default {@value #RENDERS}; 0 turns it off.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RendererWarmUp {

    static final String RENDERS_PROPERTY = "gestan.certificates.warm-up-renders";
    static final String RENDERS_ENV = "GESTAN_CERTIFICATES_WARM_UP_RENDERS";
    static final int RENDERS = 300;
    static final long WITHOUT_WEB_MS = 30_000;
    /** Given up when the web module's warm-up is still running after this long (it gives up itself after 300 s). */
    static final long GIVE_UP_MS = 900_000;
    private static final long CHECK_MS = 2_000;
    private static final Logger LOG = Logger.getLogger(RendererWarmUp.class.getName());

    @Resource
    TimerService timers;

    private long startedAt;

    @PostConstruct
    void schedule() {
        startedAt = System.currentTimeMillis();
        if (renders() > 0) {
            timers.createSingleActionTimer(CHECK_MS, new TimerConfig("certificate renderer warm-up", false));
        }
    }

    @Timeout
    void check(Timer timer) {
        long waited = System.currentTimeMillis() - startedAt;
        if (!ready(WarmUp.report().state(), waited)) {
            if (waited < GIVE_UP_MS) {
                timers.createSingleActionTimer(CHECK_MS, new TimerConfig("certificate renderer warm-up", false));
            }
            return;
        }
        long start = System.nanoTime();
        try {
            int made = warm(renders(), Signing.activeKey());
            LOG.info(() -> "Certificate renderer warmed up after readiness: " + made + " certificates rendered and signed, none kept, in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.warning("Certificate renderer warm-up given up (the first certificates warm it instead): " + e);
        }
    }

    /**
     * Whether the node is ready for the warm-up: the web module's warm-up is over, or there is none and this module
     * started {@value #WITHOUT_WEB_MS} ms ago.
     */
    static boolean ready(WarmUp.State web, long waitedMs) {
        return switch (web) {
            case DONE, FAILED -> true;
            case NONE -> waitedMs >= WITHOUT_WEB_MS;
            case RUNNING -> false;
        };
    }

    /** Renders and signs {@code renders} typical certificates with {@code key} and drops them; how many were made. */
    static int warm(int renders, SigningKeyRing.ActiveSigner key) {
        int made = 0;
        for (int i = 0; i < renders; i++) {
            GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            if (CertificatePdf.renderSigned(TypicalCertificate.numbered(i), key.signer(), "Warm-up", when).length > 0) {
                made++;
            }
        }
        return made;
    }

    static int renders() {
        return CertificateBatchJob.setting(RENDERS_PROPERTY, RENDERS_ENV, RENDERS, 0);
    }
}

package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.compliance.api.TrustSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The promises' live proofs for the public home page and /trust, read from {@link TrustStatement#summary()} at most
 * once a minute (the home page is the busiest page; the figures it quotes change by the hour, not by the second).
 */
@ApplicationScoped
public class TrustSummaryCache {

    static final Duration FRESH = Duration.ofSeconds(60);

    @EJB
    TrustStatement trust;

    private volatile TrustSummary summary;
    private volatile Instant readAt = Instant.EPOCH;

    public TrustSummary get() {
        TrustSummary s = summary;
        if (s == null || Instant.now().isAfter(readAt.plus(FRESH))) {
            s = trust.summary();
            summary = s;
            readAt = Instant.now();
        }
        return s;
    }
}

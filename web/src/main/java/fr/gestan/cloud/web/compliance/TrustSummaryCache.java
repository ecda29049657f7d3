package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.compliance.api.TrustSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The promises' live proofs for the public home page and /trust, read from {@link TrustStatement#summary()} at most
 * once a minute (the home page is the busiest page; the figures it quotes change by the hour, not by the second), and
 * /trust's statement in each language at most once every {@link #STATEMENT_FRESH} (it read the policy, the operators,
 * the data centres, the recovery settings and the sub-processors, six statements, at each view; docs/performance.md,
 * "staff dashboards, tenant search and public pages (pages11s)"). The PDF, /trust.pdf, is written from the data at
 * each download.
 */
@ApplicationScoped
public class TrustSummaryCache {

    static final Duration FRESH = Duration.ofSeconds(60);
    /** A staff change of the policy or of the hosting records shows on /trust within these seconds. */
    static final Duration STATEMENT_FRESH = Duration.ofSeconds(10);

    /** A statement and when it was read. */
    private record Read(PublicDocumentView statement, Instant at) {
    }

    @EJB
    TrustStatement trust;

    private volatile TrustSummary summary;
    private volatile Instant readAt = Instant.EPOCH;
    private final Map<String, Read> statements = new ConcurrentHashMap<>();

    public TrustSummary get() {
        TrustSummary s = summary;
        if (s == null || Instant.now().isAfter(readAt.plus(FRESH))) {
            s = trust.summary();
            summary = s;
            readAt = Instant.now();
        }
        return s;
    }

    /** /trust's statement in {@code language} ("fr", "en"), read at most once every {@link #STATEMENT_FRESH}. */
    public PublicDocumentView statement(String language) {
        String lang = "en".equals(language) ? "en" : "fr"; // anything else is French (TrustStatement): two entries at most
        Instant now = Instant.now();
        Read r = statements.get(lang);
        if (r == null || now.isAfter(r.at().plus(STATEMENT_FRESH))) {
            r = new Read(trust.statement(lang), now);
            statements.put(lang, r);
        }
        return r.statement();
    }
}

package fr.gestan.cloud.web.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.compliance.api.TrustSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /trust's statement is read once per language for the next seconds, not at each view. */
class TrustSummaryCacheTest {

    private final List<String> asked = new ArrayList<>();

    private TrustSummaryCache cache() {
        TrustSummaryCache cache = new TrustSummaryCache();
        cache.trust = new TrustStatement() {
            @Override
            public PublicDocumentView statement(String language) {
                asked.add(language);
                return new PublicDocumentView("title " + language, "v" + asked.size(), List.of());
            }

            @Override
            public TrustSummary summary() {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] pdf() {
                throw new UnsupportedOperationException();
            }
        };
        return cache;
    }

    @Test
    void each_language_is_read_once_then_kept() {
        TrustSummaryCache cache = cache();
        PublicDocumentView fr = cache.statement("fr");
        assertSame(fr, cache.statement("fr"));
        PublicDocumentView en = cache.statement("en");
        assertSame(en, cache.statement("en"));
        assertEquals("title en", en.title());
        assertSame(fr, cache.statement("de"), "anything else is the French statement");
        assertEquals(List.of("fr", "en"), asked);
    }
}

package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The public "Sécurité & confidentialité" page (/trust): the statement in the visitor's language, figures live (read
 * at most once every 10 s per node and language, {@link TrustSummaryCache#statement}).
 */
@Named
@RequestScoped
public class TrustPageBean {

    @Inject
    TrustSummaryCache cache;
    @Inject
    LanguageBean language;

    private PublicDocumentView statement;

    public PublicDocumentView getStatement() {
        if (statement == null) {
            statement = cache.statement(language.getLanguage());
        }
        return statement;
    }
}

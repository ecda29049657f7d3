package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public "Sécurité & confidentialité" page (/trust): the statement in the visitor's language, figures live. */
@Named
@RequestScoped
public class TrustPageBean {

    @EJB
    TrustStatement trust;
    @Inject
    LanguageBean language;

    private PublicDocumentView statement;

    public PublicDocumentView getStatement() {
        if (statement == null) {
            statement = trust.statement(language.getLanguage());
        }
        return statement;
    }
}

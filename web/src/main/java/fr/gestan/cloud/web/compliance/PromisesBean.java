package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.TrustSummary;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The promises of the home page and the summary of /trust, with their live proofs ({@link TrustSummaryCache}), and the
 * address a prospect writes to ({@code gestan.contact.email}, see operations.md).
 */
@Named("promises")
@RequestScoped
public class PromisesBean {

    /** The system property (or environment variable GESTAN_CONTACT_EMAIL) of the prospects' contact address. */
    public static final String CONTACT_PROPERTY = "gestan.contact.email";
    static final String DEFAULT_CONTACT = "contact@gestan.example";

    @Inject
    TrustSummaryCache cache;
    @Inject
    LanguageBean language;

    private TrustSummary summary;

    public TrustSummary getSummary() {
        if (summary == null) {
            summary = cache.get();
        }
        return summary;
    }

    /** "7 h 29": the same format as the staff recovery plan. */
    public String hm(Integer minutes) {
        return minutes == null ? "—" : Durations.hm(minutes);
    }

    /** The production servers' uptime, "99,982 %" / "99.982%". */
    public String getUptime() {
        Double u = getSummary().uptimePercent();
        if (u == null) {
            return "—";
        }
        boolean en = "en".equals(language.getLanguage());
        return String.format(en ? Locale.ENGLISH : Locale.FRENCH, en ? "%.3f%%" : "%.3f\u202f%%", u);
    }

    public String country(String code) {
        Locale l = "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        String name = new Locale("", code).getDisplayCountry(l);
        return name.isBlank() ? code : name;
    }

    public String getCountries() {
        return String.join(", ", getSummary().serverCountries().stream().map(this::country).toList());
    }

    /** The hosting operators, as the data records them: the home page's lead names them. */
    public String getOperators() {
        return String.join(", ", getSummary().operatorNames());
    }

    public String getContactEmail() {
        String v = System.getProperty(CONTACT_PROPERTY, System.getenv("GESTAN_CONTACT_EMAIL"));
        return v == null || v.isBlank() || !v.strip().matches("[^@\\s<>\"]+@[^@\\s<>\"]+") ? DEFAULT_CONTACT : v.strip();
    }

    public boolean isEnglish() {
        return "en".equals(language.getLanguage());
    }
}

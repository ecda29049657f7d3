package fr.gestan.cloud.compliance.internal.rules;

import java.util.Locale;
import java.util.Set;

/** Reference data used by the rules (ISO 3166 alpha-2 codes). To be reviewed when the treaties change. */
public final class Countries {

    /** The 27 member states of the European Union. */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /**
     * Countries outside France bound to France by a mutual-assistance instrument for tax recovery and exchange of
     * information, as LPF art. L102 C requires for storing e-invoices abroad: the EU (directives 2010/24/EU and
     * 2011/16/EU) and, by convention, Norway, Iceland, Liechtenstein, Switzerland and the United Kingdom.
     */
    public static final Set<String> MUTUAL_ASSISTANCE;

    static {
        java.util.HashSet<String> set = new java.util.HashSet<>(EU);
        set.addAll(Set.of("NO", "IS", "LI", "CH", "GB"));
        set.remove("FR");
        MUTUAL_ASSISTANCE = Set.copyOf(set);
    }

    private Countries() {
    }

    public static boolean inEu(String country) {
        return country != null && EU.contains(country.toUpperCase(Locale.ROOT));
    }

    public static boolean mutualAssistance(String country) {
        return country != null && MUTUAL_ASSISTANCE.contains(country.toUpperCase(Locale.ROOT));
    }
}

package fr.gestan.cloud.tenants.api;

import fr.gestan.cloud.common.Luhn;
import java.util.Set;

/**
 * Checks of French company identifiers: SIREN (9 digits, Luhn), SIRET (14 digits, Luhn, starting with the SIREN)
 * and intra-EU VAT numbers (format per member state; for France {@code FR} + 2-digit key + SIREN, the key being
 * {@code (12 + 3 × (SIREN mod 97)) mod 97}).
 */
public final class CompanyNumbers {

    /** EU member states' VAT prefixes (Greece is EL, Northern Ireland XI). */
    static final Set<String> EU_VAT_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI",
            "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    private CompanyNumbers() {
    }

    /** Nine digits, a valid Luhn sum, and not 000000000 (whose Luhn sum is trivially valid; INSEE never assigns it). */
    public static boolean isValidSiren(String value) {
        return value != null && value.matches("\\d{9}") && !value.equals("000000000") && Luhn.isValid(value);
    }

    /**
     * A SIRET: 14 digits whose Luhn sum is valid. La Poste's establishments (SIREN 356000000) use a different rule:
     * the sum of the digits is a multiple of 5.
     */
    public static boolean isValidSiret(String value) {
        if (value == null || !value.matches("\\d{14}") || value.startsWith("000000000")) {
            return false;
        }
        if (value.startsWith("356000000")) {
            return value.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return Luhn.isValid(value);
    }

    /** The French VAT key of a SIREN, two digits. */
    public static String frenchVatKey(String siren) {
        long n = Long.parseLong(siren);
        return String.format("%02d", (12 + 3 * (n % 97)) % 97);
    }

    /** The French VAT number of a company with this SIREN. */
    public static String frenchVatNumber(String siren) {
        return "FR" + frenchVatKey(siren) + siren;
    }

    /** Upper case without spaces, dots or dashes (as people type VAT numbers). */
    public static String normaliseVat(String value) {
        return value == null ? null : value.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * An intra-EU VAT number: a member state's prefix and 2 to 12 letters or digits; for France, the key must match
     * the SIREN that follows it.
     */
    public static boolean isValidVat(String value) {
        String vat = normaliseVat(value);
        if (vat == null || vat.length() < 4 || !EU_VAT_PREFIXES.contains(vat.substring(0, 2))) {
            return false;
        }
        if (vat.startsWith("FR")) {
            // Since 2012 the key may also hold letters (new scheme); companies with a SIREN use the numeric key.
            return vat.matches("FR\\d{11}") && isValidSiren(vat.substring(4)) && frenchVatKey(vat.substring(4)).equals(vat.substring(2, 4));
        }
        return vat.matches("[A-Z]{2}[0-9A-Z+*]{2,12}");
    }
}

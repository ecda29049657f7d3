package fr.gestan.cloud.common;

/**
 * The Luhn check digit (ISO/IEC 7812-1) that ends French SIREN and SIRET numbers, written once: the tenants module's
 * {@code CompanyNumbers} checks identifiers with it, demo data and tests complete numbers with it. It lives here
 * because the test deployments of the security module alone also make SIRENs.
 */
public final class Luhn {

    private Luhn() {
    }

    /** Whether {@code digits} (ASCII digits only, at least one) end with a valid Luhn check digit. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) {
                return false; // ASCII digits only (String.matches compiled a pattern at every call: the seeding's hot spot)
            }
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** {@code body} followed by the check digit that makes it valid: a SIREN from its first eight digits. */
    public static String complete(String body) {
        for (char check = '0'; check <= '9'; check++) {
            if (isValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalArgumentException("digits expected: " + body);
    }
}

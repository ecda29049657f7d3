package fr.gestan.cloud.it.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh identifiers, so tests never collide with demo data or with each other on a shared database. */
public final class Ids {

    private Ids() {
    }

    /** A random SIREN with a valid Luhn check digit. */
    public static String siren() {
        return siren(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
    }

    /** The SIREN whose first eight digits are {@code body} (10,000,000 to 99,999,999): distinct bodies, distinct SIRENs. */
    public static String siren(int body) {
        String digits = String.format("%08d", body);
        for (int check = 0; check <= 9; check++) {
            if (luhn(digits + check)) {
                return digits + check;
            }
        }
        throw new AssertionError("unreachable: one check digit always fits");
    }

    /** The same nine digits with a wrong check digit. */
    public static String invalidSiren(String valid) {
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + ((last + 1) % 10);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    public static String code(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(1000, 10_000);
    }
}

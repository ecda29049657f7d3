package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Luhn;
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
        return Luhn.complete(String.format("%08d", body));
    }

    /** The same nine digits with a wrong check digit. */
    public static String invalidSiren(String valid) {
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + ((last + 1) % 10);
    }

    public static String code(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(1000, 10_000);
    }
}

package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Luhn;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh identifiers, so tests never collide with demo data or with each other on a shared database. */
public final class Ids {

    /**
     * The next body this JVM hands out. Consecutive from a random start, because independent random draws collided: the
     * suite shares one database, and a draw among 90,000,000 bodies met a tenant created earlier in the run (DocumentsIT,
     * stop 29). Consecutive bodies never collide within a JVM, and two JVMs (the test client, the server) only when their
     * starts fall closer than the tenants they create. Below 70,000,000, where {@link ScaleSeeding}'s bodies start.
     */
    private static final AtomicInteger NEXT_BODY = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000_000, 60_000_000));

    private Ids() {
    }

    /** A SIREN with a valid Luhn check digit that no earlier call in this JVM returned. */
    public static String siren() {
        return siren(NEXT_BODY.getAndIncrement());
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

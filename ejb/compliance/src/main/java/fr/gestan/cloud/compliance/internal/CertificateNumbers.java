package fr.gestan.cloud.compliance.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Certificate numbers read like {@code GC-2026-000042}: short enough to type from paper. */
final class CertificateNumbers {

    /** The sequence's next {@code ?1} values in one statement (a recursive row source: PostgreSQL and H2 alike). */
    static final String NEXT_VALUES = "with recursive n(i) as (select 1 union all select i + 1 from n where i < ?1)"
            + " select nextval('certificate_number_seq') from n";

    private CertificateNumbers() {
    }

    static String format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return String.format("GC-%04d-%06d", year, sequence);
    }

    static int year(Instant now) {
        return now.atZone(ZoneOffset.UTC).getYear();
    }

    /**
     * The next free number from the database sequence (safe with concurrent issuers and several nodes); numbers
     * taken before the sequence existed are skipped.
     */
    static String next(EntityManager em, Instant now) {
        int year = year(now);
        while (true) {
            long sequence = ((Number) em.createNativeQuery("select nextval('certificate_number_seq')").getSingleResult()).longValue();
            String number = format(year, sequence);
            if (em.createNamedQuery(CertificateRecord.NUMBER_TAKEN, Long.class).setParameter("number", number).getSingleResult() == 0) {
                return number;
            }
        }
    }

    /**
     * The database's side of a {@link CertificateNumberPool}: the sequence's next values in one statement, and which
     * numbers older rows hold in one more (instead of two statements per certificate).
     */
    static CertificateNumberPool.Sequence sequence(EntityManager em) {
        return new CertificateNumberPool.Sequence() {
            @Override
            public List<Long> next(int count) {
                List<Long> values = new ArrayList<>();
                for (Object v : em.createNativeQuery(NEXT_VALUES).setParameter(1, count).getResultList()) {
                    values.add(((Number) v).longValue());
                }
                if (values.size() != count || new HashSet<>(values).size() != count) {
                    // a database that gives one value per statement, not per row: one statement per value
                    values.clear();
                    for (int i = 0; i < count; i++) {
                        values.add(((Number) em.createNativeQuery("select nextval('certificate_number_seq')").getSingleResult()).longValue());
                    }
                }
                return values;
            }

            @Override
            public Set<String> taken(List<String> numbers) {
                return new LinkedHashSet<>(em.createNamedQuery(CertificateRecord.NUMBERS_TAKEN, String.class)
                        .setParameter("numbers", numbers).getResultList());
            }
        };
    }
}

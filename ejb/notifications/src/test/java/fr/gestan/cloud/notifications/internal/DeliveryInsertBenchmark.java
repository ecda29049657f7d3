package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.bench.BenchmarkArgs;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.notifications.api.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's e-mails of certificate batch pages (issue 19): a page's deliveries (50 certificates, two contacts each,
 * the rendered "new certificate" e-mail) stored one insert per delivery with its identity id read back (what
 * {@code em.persist} did) and in one JDBC batch ({@link Delivery#bindNew}, what the bulk entry does now), alternated in
 * one run, one transaction per page: a program, not a test. Needs a PostgreSQL database of its own (it drops and
 * creates the outbox's tables). From the repository root after {@code mvn -o -q -pl ejb/notifications -am test-compile}:
 * <pre>
 * java -cp ejb/notifications/target/classes:ejb/notifications/target/test-classes:ejb/common/target/classes:ejb/common/target/test-classes:$HOME/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar \
 *      fr.gestan.cloud.notifications.internal.DeliveryInsertBenchmark jdbc:postgresql://127.0.0.1:5432/gestan_bench_outbox postgres "" 40 3
 * </pre>
 * Arguments: JDBC URL, user, password, pages per round, rounds. Prints each round's pages per second both ways and
 * the ratio of their times in the same round.
 */
public final class DeliveryInsertBenchmark {

    private static final int PER_PAGE = 100;

    private DeliveryInsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArgs arguments = BenchmarkArgs.of(args, "jdbc:postgresql://127.0.0.1:5432/gestan_bench_outbox", 40);
        int pages = arguments.perRound();
        int rounds = arguments.rounds();
        try (Connection c = arguments.connect()) {
            try (Statement sql = c.createStatement()) {
                sql.execute("drop table if exists notification_attempt, notification_delivery, notification_subscription cascade");
            }
            try (Statement sql = c.createStatement();
                 java.io.InputStream in = DeliveryInsertBenchmark.class.getResourceAsStream("/db/migration/notifications/V1__outbox.sql")) {
                for (String statement : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        sql.execute(statement);
                    }
                }
            }
            c.setAutoCommit(false);
            System.out.printf("| round | pages of %d deliveries | one insert each (pages/s) | one JDBC batch (pages/s) | one each / batch time |%n"
                    + "| ---: | ---: | ---: | ---: | ---: |%n", PER_PAGE);
            for (int round = 1; round <= rounds; round++) {
                double single = run(c, pages, false);
                double batch = run(c, pages, true);
                System.out.printf("| %d | %d | %.1f | %.1f | %.2f× |%n", round, pages, pages / single, pages / batch, single / batch);
            }
        }
    }

    /** Seconds to store {@code pages} pages, one transaction each. */
    private static double run(Connection c, int pages, boolean batch) throws SQLException {
        long t = System.nanoTime();
        for (int p = 0; p < pages; p++) {
            List<Delivery> page = page(p);
            if (batch) {
                JdbcBatches.insertAll(c, Delivery.INSERT, page, (insert, d) -> d.bindNew(insert));
            } else {
                try (PreparedStatement insert = c.prepareStatement(Delivery.INSERT, new String[] {"id"})) {
                    for (Delivery d : page) {
                        d.bindNew(insert);
                        insert.executeUpdate();
                        try (ResultSet id = insert.getGeneratedKeys()) {
                            id.next();
                        }
                    }
                }
            }
            c.commit();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** A page's deliveries: the "new certificate" e-mail of 50 tenants to their two contacts. */
    private static List<Delivery> page(int p) {
        List<Delivery> page = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < PER_PAGE / 2; i++) {
            String siren = String.format("7%08d", p * 50 + i);
            Map<String, String> facts = new LinkedHashMap<>(Notice.certificateIssued(siren, String.format("GC-2026-%06d", p * 50 + i),
                    "6 décembre 2027", null).facts());
            facts.put("actor", "support.demo");
            facts.put("at", "6 décembre 2026 à 12:00:00 UTC");
            facts.put("tenant", "Société Échelle " + siren + " SARL (" + siren + ")");
            facts.put("portalUrl", "https://gestan.example/portal/certificates.xhtml");
            Message message = MessageRenderer.email("CERTIFICATE_ISSUED", facts, null);
            page.add(new Delivery("CERTIFICATE_ISSUED", siren, Channel.EMAIL, "admin-" + siren + "@example.fr", null, message, now));
            page.add(new Delivery("CERTIFICATE_ISSUED", siren, Channel.EMAIL, "tech-" + siren + "@example.fr", null, message, now));
        }
        return page;
    }
}

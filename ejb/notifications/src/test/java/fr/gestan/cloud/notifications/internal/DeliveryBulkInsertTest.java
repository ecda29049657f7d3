package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.common.testing.TestPostgres;
import fr.gestan.cloud.notifications.api.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox's bulk entry (a certificate batch page's e-mails in one JDBC batch, issue 19) writes the rows
 * {@code em.persist} would: every column of the migrated table, pending, due now, times as UTC wall-clock.
 */
class DeliveryBulkInsertTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:30:45.123456Z");

    @Test
    void on_h2_a_page_of_deliveries_is_stored_as_pending_rows_due_now() throws Exception {
        onH2("deliveries", DeliveryBulkInsertTest::storedAndReadBack);
    }

    @Test
    void on_postgresql_a_page_of_deliveries_is_stored_as_pending_rows_due_now() throws Exception {
        onPostgres("delivery_bulk_test", DeliveryBulkInsertTest::storedAndReadBack);
    }

    /** A check run on a connection to a fresh schema. */
    @FunctionalInterface
    private interface Check {
        void on(Connection c) throws Exception;
    }

    private static void onH2(String database, Check check) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")) {
            check.on(c);
        }
    }

    /** In a schema of its own on the shared server, rolled back: nothing is left there. */
    private static void onPostgres(String schema, Check check) throws Exception {
        try (Connection c = TestPostgres.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
                s.execute("set local search_path to " + schema);
            }
            try {
                check.on(c);
            } finally {
                c.rollback();
            }
        }
    }

    private static void storedAndReadBack(Connection c) throws SQLException, IOException {
        migrate(c);
        Message message = new Message("Votre nouvelle attestation", "Bonjour,\nvotre attestation GC-2026-000042…", "<p>Bonjour</p>", null);
        List<Delivery> page = List.of(
                new Delivery("CERTIFICATE_ISSUED", "842317653", Channel.EMAIL, "admin@boulangerie.fr", null, message, NOW),
                new Delivery("CERTIFICATE_ISSUED", "842317653", Channel.EMAIL, "tech@boulangerie.fr", null, message, NOW));

        assertEquals(2, JdbcBatches.insertAll(c, Delivery.INSERT, page, (insert, d) -> d.bindNew(insert)));

        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, message_id, kind, tenant_ref, channel, target,"
                + " subscription_id, subject, body_text, body_html, unsubscribe_url, state, attempts, next_attempt_at, last_error,"
                + " created_at, sent_at, version from notification_delivery order by id")) {
            long previousId = -1;
            for (Delivery d : page) {
                assertTrue(rs.next());
                assertNotEquals(previousId, rs.getLong("id"), "ids from the identity column");
                previousId = rs.getLong("id");
                assertEquals(d.messageId(), rs.getString("message_id"));
                assertEquals("CERTIFICATE_ISSUED", rs.getString("kind"));
                assertEquals("842317653", rs.getString("tenant_ref"));
                assertEquals("EMAIL", rs.getString("channel"));
                assertEquals(d.target(), rs.getString("target"));
                assertEquals(0, rs.getLong("subscription_id"));
                assertTrue(rs.wasNull());
                assertEquals(message.subject(), rs.getString("subject"));
                assertEquals(message.text(), rs.getString("body_text"));
                assertEquals(message.html(), rs.getString("body_html"));
                assertNull(rs.getString("unsubscribe_url"));
                assertEquals("PENDING", rs.getString("state"), "the sender takes it");
                assertEquals(0, rs.getInt("attempts"));
                LocalDateTime utc = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
                assertEquals(utc, rs.getObject("next_attempt_at", LocalDateTime.class), "due at once, UTC as hibernate.jdbc.time_zone");
                assertEquals(utc, rs.getObject("created_at", LocalDateTime.class));
                assertNull(rs.getString("last_error"));
                assertNull(rs.getObject("sent_at"));
                assertEquals(0, rs.getLong("version"));
            }
            assertFalse(rs.next());
        }
    }

    @Test
    void on_h2_a_rounds_attempts_are_stored_as_persist_would_with_their_delivery_and_utc_time() throws Exception {
        onH2("attempts", DeliveryBulkInsertTest::attemptsStoredAndReadBack);
    }

    @Test
    void on_postgresql_a_rounds_attempts_are_stored_as_persist_would_with_their_delivery_and_utc_time() throws Exception {
        onPostgres("attempt_bulk_test", DeliveryBulkInsertTest::attemptsStoredAndReadBack);
    }

    /** The outbox sender's round recording its tries together (issue 19): one attempt row per try, in one JDBC batch. */
    private static void attemptsStoredAndReadBack(Connection c) throws Exception {
        migrate(c);
        Message message = new Message("Votre nouvelle attestation", "Bonjour", null, null);
        List<Delivery> page = List.of(
                new Delivery("CERTIFICATE_ISSUED", "842317653", Channel.EMAIL, "admin@boulangerie.fr", null, message, NOW),
                new Delivery("CERTIFICATE_ISSUED", "842317653", Channel.EMAIL, "tech@boulangerie.fr", null, message, NOW));
        JdbcBatches.insertAll(c, Delivery.INSERT, page, (insert, d) -> d.bindNew(insert));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from notification_delivery order by id")) {
            for (Delivery d : page) {
                assertTrue(rs.next());
                java.lang.reflect.Field id = fr.gestan.cloud.common.persistence.GeneratedId.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(d, rs.getLong(1)); // as the sender's round loads them
            }
        }
        Instant at = NOW.plusSeconds(5);
        List<DeliveryAttempt> attempts = List.of(page.get(0).sent(at, "accepted by smtp.example as <msg@gestan.cloud>"),
                page.get(1).failed(at, "x".repeat(600), new RetryPolicy(8, java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1))));

        assertEquals(2, JdbcBatches.insertAll(c, DeliveryAttempt.INSERT, attempts, (insert, a) -> a.bindNew(insert)));

        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select a.id, a.delivery_id, a.attempted_at, a.outcome, a.detail"
                + " from notification_attempt a order by a.id")) {
            String[][] expected = {{"SENT", "accepted by smtp.example as <msg@gestan.cloud>"}, {"RETRY", "x".repeat(500)}};
            for (int i = 0; i < page.size(); i++) {
                assertTrue(rs.next());
                assertEquals(page.get(i).id(), rs.getLong("delivery_id"), "the try's own delivery");
                assertEquals(LocalDateTime.ofInstant(at, ZoneOffset.UTC), rs.getObject("attempted_at", LocalDateTime.class),
                        "UTC as hibernate.jdbc.time_zone");
                assertEquals(expected[i][0], rs.getString("outcome"));
                assertEquals(expected[i][1], rs.getString("detail"), "the detail cut at the column's 500 characters");
            }
            assertFalse(rs.next());
        }
    }

    /** The outbox's tables as the module's migration creates them. */
    private static void migrate(Connection c) throws SQLException, IOException {
        String script;
        try (InputStream in = DeliveryBulkInsertTest.class.getResourceAsStream("/db/migration/notifications/V1__outbox.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }
}

package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.JournalVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A throw-away database with the journal's tables, made by the module's own migration files: H2 in memory, or a
 * fresh PostgreSQL database on the server named by {@code GESTAN_TEST_DB_URL} (dropped by {@link #close}).
 */
final class LogDatabase implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final String adminUrl;
    private final String name;
    private final Connection keepAlive;

    private LogDatabase(String url, String user, String password, String adminUrl, String name) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
        this.name = name;
        this.keepAlive = open(); // an H2 memory database lives as long as one connection
    }

    static LogDatabase h2() throws SQLException {
        String name = "log" + UUID.randomUUID().toString().replace("-", "");
        return new LogDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "sa", null, null);
    }

    /** PostgreSQL if {@code GESTAN_TEST_DB_URL} is set, else null. */
    static LogDatabase postgres() throws SQLException {
        String admin = System.getenv("GESTAN_TEST_DB_URL");
        if (admin == null || admin.isBlank()) {
            return null;
        }
        String user = System.getenv().getOrDefault("GESTAN_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("GESTAN_TEST_DB_PASSWORD", "");
        // Under GESTAN_TEST_DB_NAME's prefix when set, so that parallel runs on one server keep to their own databases.
        String prefix = System.getenv().getOrDefault("GESTAN_TEST_DB_NAME", "gestan_log");
        String name = prefix + "_log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        return new LogDatabase(url, user, password, admin, name);
    }

    /** An existing database, kept (the benchmark's). */
    static LogDatabase attach(String url, String user, String password) throws SQLException {
        return new LogDatabase(url, user, password, null, null);
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs the named migration files of the security module, in order. */
    LogDatabase migrate(String... versions) throws SQLException, IOException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            for (String version : versions) {
                String file = switch (version) {
                    case "V1" -> "V1__journal.sql";
                    case "V2" -> "V2__journal_chain.sql";
                    case "V7" -> "V7__journal_log.sql";
                    case "V19" -> "V19__journal_checkpoint_keys.sql";
                    case "V20" -> "V20__journal_mac_key.sql";
                    default -> throw new IllegalArgumentException(version);
                };
                try (InputStream in = LogDatabase.class.getResourceAsStream("/db/migration/security/" + file)) {
                    StringBuilder sql = new StringBuilder();
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.trim().startsWith("--")) {
                            sql.append(line).append('\n');
                        }
                    }
                    for (String statement : sql.toString().split(";")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                }
            }
        }
        return this;
    }

    /** Appends a v2 entry as the application does (MAC with {@code macKey}), in the connection's transaction. */
    static long appendV2(Connection c, byte[] macKey, String tenant, String target) throws SQLException {
        return appendV2(c, macKey, tenant, target, null);
    }

    static long appendV2(Connection c, byte[] macKey, String tenant, String target, String forcedMac) throws SQLException {
        return appendV2(c, macKey, tenant, "SECRET_REVEALED", target, forcedMac);
    }

    static long appendV2(Connection c, byte[] macKey, String tenant, String action, String target, String forcedMac) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_V2, new String[] {"id"})) {
            bindV2(insert, macKey, tenant, action, target, forcedMac);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A v2 entry MAC'd with a key of the ring after a rotation, naming it ({@code mac_key}), as the application writes it. */
    static long appendV2WithKey(Connection c, byte[] macKey, String macKeyId, String tenant, String target) throws SQLException {
        long id = appendV2(c, macKey, tenant, target);
        try (PreparedStatement name = c.prepareStatement("update journal_entry set mac_key = ? where id = ?")) {
            name.setString(1, macKeyId); // H2 here has no append-only trigger; the application writes it at insert
            name.setLong(2, id);
            name.executeUpdate();
        }
        return id;
    }

    /** {@code count} entries of a tenant as the application writes them, in JDBC batches (a large log in seconds). */
    static void appendMany(Connection c, byte[] macKey, String tenant, int count) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_V2)) {
            for (int i = 0; i < count; i++) {
                bindV2(insert, macKey, tenant, "SECRET_REVEALED", "db-admin-" + i, null);
                insert.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    insert.executeBatch();
                }
            }
        }
    }

    private static final String INSERT_V2 = "insert into journal_entry (occurred_at, actor, actor_role, tenant_ref, action, target, "
            + "source_ip, outcome, mac) values (?, 'support.demo', 'support', ?, ?, ?, '203.0.113.9', 'SUCCESS', ?)";

    private static void bindV2(PreparedStatement insert, byte[] macKey, String tenant, String action, String target,
                               String forcedMac) throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String mac = forcedMac != null ? forcedMac : LogLeaves.mac(macKey, JournalVerifier.entryV2Payload(JournalEntry.micros(at),
                "support.demo", "support", tenant, action, target, "203.0.113.9", JournalEvent.Outcome.SUCCESS.name(), null));
        insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.setString(2, tenant);
        insert.setString(3, action);
        insert.setString(4, target);
        insert.setString(5, mac);
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String queryString(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
        if (adminUrl != null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}

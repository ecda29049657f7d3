package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The log's package-private JDBC core, opened to {@code JournalBenchmark} (test code only). */
public final class LogBenchSupport {

    public static final String ORIGIN = "bench.gestan/access-journal";
    public static final byte[] MAC_KEY = "bench-mac-key-bench-mac-key-0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String url;
    private final String user;
    private final String password;
    private final LogSequencer sequencer;
    private final LogCheckpointer checkpointer;
    private final KeyPair key;

    public LogBenchSupport(String url, String user, String password, int batchSize, KeyPair key) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.key = key;
        this.sequencer = new LogSequencer(this::kept, new SingletonLease(LogSequencer.LEASE, "bench", 10_000, System::currentTimeMillis),
                MAC_KEY, System::currentTimeMillis, batchSize, 600_000);
        this.checkpointer = new LogCheckpointer(ORIGIN, key.getPrivate(), key.getPublic(), System::currentTimeMillis);
    }

    private Connection kept;

    /** One connection kept open for the sequencer, as a pool does in the server (its close() is a no-op). */
    private Connection kept() throws SQLException {
        if (kept == null || kept.isClosed()) {
            kept = open();
        }
        Connection real = kept;
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        real.setAutoCommit(true);
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops the journal's tables and creates them again with the module's migrations (V1, V2, V7). */
    public static void reset(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists journal_entry, journal_head, journal_checkpoint, journal_leaf, journal_tile, "
                    + "journal_log_state, journal_log_checkpoint, singleton_lease");
        }
        try (LogDatabase db = LogDatabase.attach(url, user, password)) {
            db.migrate("V1", "V2", "V7", "V19", "V20");
        }
    }

    /** One journal append as the application writes it: the v2 row with its MAC, no lock. */
    public static void append(PreparedStatement insert, long n, int writer) throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String tenant = String.format("%09d", 100_000_000 + (n * 7 + writer) % 10_000);
        String target = "db-admin@erp-" + (n % 500);
        String source = "203.0.113." + (writer + 1);
        String reason = "ticket GC-" + n;
        String mac = LogLeaves.mac(MAC_KEY, JournalVerifier.entryV2Payload(JournalEntry.micros(at), "support.demo", "support",
                tenant, "SECRET_REVEALED", target, source, "SUCCESS", reason));
        insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.setString(2, "support.demo");
        insert.setString(3, "support");
        insert.setString(4, tenant);
        insert.setString(5, "SECRET_REVEALED");
        insert.setString(6, target);
        insert.setString(7, "SUCCESS");
        insert.setString(8, reason);
        insert.setString(9, source);
        insert.setString(10, mac);
    }

    public static final String INSERT = "insert into %s (occurred_at, actor, actor_role, tenant_ref, action, target, outcome, "
            + "reason, source_ip, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One sequencer batch; -1 when not the holder. */
    public int sequenceOnce() throws SQLException {
        return sequencer.runOnce().sequenced();
    }

    /** Signs if due (interval) or always (interval 0). */
    public void sign(long intervalMs) throws SQLException {
        try (Connection c = kept()) {
            checkpointer.sign(c, intervalMs, false);
        }
    }

    /** The back office's verification, on connections from {@code connections} (it closes them). */
    public JournalVerifier.Result verify(java.util.concurrent.Callable<Connection> connections) throws SQLException {
        return new LogVerification(MAC_KEY, ORIGIN, key.getPublic()).verify(() -> {
            try {
                return connections.call();
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException(e);
            }
        }, new LogVerification.Progress() {
            @Override
            public void start(long total) {
            }

            @Override
            public void checked(long leaves) {
            }
        });
    }

    public static List<byte[]> inclusion(Connection c, long position, long size) throws java.sql.SQLException {
        return LogProofs.inclusion(c, position, size);
    }

    public static byte[] leafHash(Connection c, long position) {
        return LogProofs.leafHash(c, position);
    }

    public static byte[] node(Connection c, int level, long index) {
        return new LogTiles(c).node(level, index);
    }

    public static byte[] root(Connection c, long size) {
        return MerkleLog.root(size, new LogTiles(c));
    }
}

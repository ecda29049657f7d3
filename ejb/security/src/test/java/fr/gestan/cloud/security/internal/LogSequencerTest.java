package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The log's JDBC core on H2 (and the concurrency test also on PostgreSQL when {@code GESTAN_TEST_DB_URL} is set):
 * sequencing, legacy migration, the lease, checkpoints and proofs, and each kind of tampering pinpointed.
 */
class LogSequencerTest {

    static final String ORIGIN = "gestan.test/access-journal";
    static final byte[] MAC_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    KeyPair key;
    LogDatabase db;
    final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

    @BeforeEach
    void database() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        db = newDatabase().migrate("V1", "V2", "V7", "V19", "V20");
    }

    /** H2 here; {@link LogSequencerPostgresTest} runs every test again on PostgreSQL (the verification's COPY path). */
    LogDatabase newDatabase() throws Exception {
        return LogDatabase.h2();
    }

    @AfterEach
    void drop() throws Exception {
        if (db != null) { // null when LogSequencerPostgresTest is skipped
            db.close();
        }
    }

    LogSequencer sequencer(LogDatabase on, String holder) {
        return new LogSequencer(on::open, new SingletonLease(LogSequencer.LEASE, holder, 5_000, clock::get), MAC_KEY, clock::get, 1000, 60_000);
    }

    LogCheckpointer checkpointer() {
        return new LogCheckpointer(ORIGIN, key.getPrivate(), key.getPublic(), clock::get);
    }

    LogCheckpointer.Stored sign(LogDatabase on, boolean pinned) throws Exception {
        try (Connection c = on.open()) {
            return checkpointer().sign(c, 0, pinned);
        }
    }

    Result verify(LogDatabase on) throws Exception {
        return new LogVerification(MAC_KEY, ORIGIN, key.getPublic()).verify(on::open, new LogVerification.Progress() {
            public void start(long total) {
            }

            public void checked(long leaves) {
            }
        });
    }

    /** Verifies the log and asserts the problem found and the position it names. */
    void assertPinpointed(LogDatabase on, Problem problem, long seq) throws Exception {
        Result result = verify(on);
        assertEquals(problem, result.problem(), result::toString);
        assertEquals(seq, result.seq());
    }

    long append(String tenant, String target) throws Exception {
        try (Connection c = db.open()) {
            return LogDatabase.appendV2(c, MAC_KEY, tenant, target);
        }
    }

    @Test
    void entries_get_positions_in_commit_order_and_every_proof_verifies_against_the_signed_checkpoint() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        long first = append("552100554", "a");
        // A transaction still in flight holds the next id: later ids are sequenced first, nothing waits.
        Connection inFlight = db.open();
        inFlight.setAutoCommit(false);
        long pending = LogDatabase.appendV2(inFlight, MAC_KEY, "552100554", "slow");
        long third = append("552100554", "c");
        assertEquals(2, sequencer.runOnce().sequenced());
        // A rolled-back transaction leaves no hole.
        Connection rolledBack = db.open();
        rolledBack.setAutoCommit(false);
        LogDatabase.appendV2(rolledBack, MAC_KEY, "552100554", "rolled back");
        rolledBack.rollback();
        rolledBack.close();
        inFlight.commit();
        inFlight.close();
        long fifth = append("552100554", "e");
        assertEquals(2, sequencer.runOnce().sequenced());
        assertEquals(0, sequencer.runOnce().sequenced());

        try (Connection c = db.open()) {
            assertEquals(0, LogProofs.position(c, first).getAsLong());
            assertEquals(1, LogProofs.position(c, third).getAsLong());
            assertEquals(2, LogProofs.position(c, pending).getAsLong());
            assertEquals(3, LogProofs.position(c, fifth).getAsLong());
        }
        LogCheckpointer.Stored checkpoint = sign(db, false);
        MerkleLog.Checkpoint opened = MerkleLog.open(checkpoint.note(), ORIGIN, key.getPublic());
        assertEquals(4, opened.size());
        try (Connection c = db.open()) {
            for (long position = 0; position < 4; position++) {
                MerkleLog.verifyInclusion(position, 4, LogProofs.leafHash(c, position), LogProofs.inclusion(c, position, 4), opened.root());
            }
        }
        long sixth = append("732829320", "f");
        sequencer.runOnce();
        LogCheckpointer.Stored later = sign(db, false);
        MerkleLog.Checkpoint grown = MerkleLog.open(later.note(), ORIGIN, key.getPublic());
        assertEquals(5, grown.size());
        try (Connection c = db.open()) {
            MerkleLog.verifyConsistency(4, 5, opened.root(), grown.root(), LogProofs.consistency(c, 4, 5));
            assertEquals(4, LogProofs.position(c, sixth).getAsLong() - 0 - 0, "the sixth id is the fifth leaf");
        }
        Result result = verify(db);
        assertTrue(result.ok(), result::toString);
        assertEquals(5, result.entriesChecked());
        assertEquals(2, result.checkpointsChecked());
    }

    @Test
    void the_recorded_leaf_is_the_published_v2_encoding_with_its_mac() throws Exception {
        long id = append("552100554", "t\tab; 4:x;");
        sequencer(db, "node-a").runOnce();
        try (Connection c = db.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select occurred_at, actor, actor_role, tenant_ref, action, target, source_ip, outcome, reason, mac "
                     + "from journal_entry where id = " + id)) {
            rs.next();
            long micros = JournalEntry.micros(rs.getObject(1, OffsetDateTime.class).toInstant());
            byte[] leaf = JournalVerifier.entryV2Leaf(micros, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
            assertArrayEquals(MerkleLog.leafHash(leaf), LogProofs.leafHash(c, 0));
            assertEquals(rs.getString(10), LogLeaves.mac(MAC_KEY, JournalVerifier.entryV2Payload(micros, rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))));
        }
    }

    @Test
    void the_old_chain_becomes_the_first_leaves_in_chain_order_and_the_first_checkpoint_records_its_head() throws Exception {
        try (LogDatabase legacy = LogDatabase.h2().migrate("V1")) {
            legacy.execute("insert into journal_entry (occurred_at, actor, actor_role, action, outcome) values "
                    + "(timestamp with time zone '2026-01-01 10:00:00+00', 'admin.demo', 'admin', 'PRE_CHAIN', 'SUCCESS')");
            legacy.migrate("V2");
            // Three chained entries whose ids are not in chain order.
            byte[] head = JournalVerifier.GENESIS;
            long[] ids = {10, 12, 11};
            try (Connection c = legacy.open()) {
                for (int seq = 1; seq <= 3; seq++) {
                    Instant at = Instant.parse("2026-01-02T10:00:00Z").plusSeconds(seq);
                    head = JournalVerifier.link(head, JournalVerifier.entryContent(seq, JournalEntry.micros(at), "support.demo", "support",
                            "552100554", "SECRET_REVEALED", "t" + seq, null, "SUCCESS", null));
                    try (PreparedStatement insert = c.prepareStatement("insert into journal_entry (id, occurred_at, actor, actor_role, "
                            + "tenant_ref, action, target, outcome, seq, entry_hash) values (?, ?, 'support.demo', 'support', '552100554', "
                            + "'SECRET_REVEALED', ?, 'SUCCESS', ?, ?)")) {
                        insert.setLong(1, ids[seq - 1]);
                        insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        insert.setString(3, "t" + seq);
                        insert.setLong(4, seq);
                        insert.setString(5, JournalVerifier.hex(head));
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement h = c.prepareStatement("update journal_head set seq = 3, head_hash = ? where id = 1")) {
                    h.setString(1, JournalVerifier.hex(head));
                    h.executeUpdate();
                }
            }
            legacy.migrate("V7", "V19", "V20");
            legacy.execute("alter table journal_entry alter column id restart with 13");
            LogSequencer sequencer = sequencer(legacy, "node-a");
            assertEquals(4, sequencer.runOnce().sequenced());
            assertEquals(12, legacy.queryLong("select entry_id from journal_leaf where position = 2"), "chain order, not id order");
            LogCheckpointer.Stored first = sign(legacy, false);
            assertTrue(first.pinned(), "the migration checkpoint is kept for ever");
            MerkleLog.Checkpoint opened = MerkleLog.open(first.note(), ORIGIN, key.getPublic());
            assertEquals(List.of(LogCheckpointer.LEGACY_CHAIN_EXTENSION + " 3 " + java.util.Base64.getEncoder().encodeToString(head)),
                    opened.extensions());
            try (Connection c = legacy.open()) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", "after");
            }
            assertEquals(1, sequencer.runOnce().sequenced());
            sign(legacy, false);
            Result result = verify(legacy);
            assertTrue(result.ok(), result::toString);
            assertEquals(5, result.entriesChecked());

            // The old chain's own hashes are still checked: a legacy row edited is pinpointed at its leaf.
            legacy.execute("update journal_entry set target = 'x' where id = 11");
            assertPinpointed(legacy, Problem.ENTRY_ALTERED, 3);
        }
    }

    @Test
    void an_entry_with_a_bad_mac_is_sequenced_flagged_reported_and_pinpointed() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        append("552100554", "genuine");
        long forged;
        try (Connection c = db.open()) {
            forged = LogDatabase.appendV2(c, MAC_KEY, "552100554", "forged in SQL", "00".repeat(32));
        }
        LogSequencer.Batch batch = sequencer.runOnce();
        assertEquals(2, batch.sequenced());
        assertEquals(List.of(forged), batch.notAuthentic());
        assertEquals(0, db.queryLong("select case when authentic then 1 else 0 end from journal_leaf where entry_id = " + forged));
        assertEquals(1, db.queryLong("select count(*) from journal_entry where action = 'JOURNAL_ENTRY_NOT_AUTHENTIC' and target = 'entry " + forged + "'"));
        assertEquals(1, sequencer.runOnce().sequenced(), "the report is journaled and sequenced in turn");
        sign(db, false);
        assertPinpointed(db, Problem.ENTRY_NOT_AUTHENTIC, 1);
    }

    /** A log of 6 entries, signed at 3 and at 6. */
    void signedLog() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        for (int i = 0; i < 3; i++) {
            append("552100554", "e" + i);
        }
        sequencer.runOnce();
        sign(db, false);
        for (int i = 3; i < 6; i++) {
            append("552100554", "e" + i);
        }
        sequencer.runOnce();
        sign(db, false);
        assertTrue(verify(db).ok());
    }

    long entryAt(long position) throws Exception {
        return db.queryLong("select entry_id from journal_leaf where position = " + position);
    }

    /** One row of a signed log edited or deleted behind the application's back ({@code entry}: the row's entry id). */
    @ParameterizedTest(name = "{0} is pinpointed")
    @CsvSource(delimiter = '|', textBlock = """
            an edited entry    | update journal_entry set target = 'someone-else' where id = {entry} | 4 | ENTRY_ALTERED
            a deleted entry    | delete from journal_entry where id = {entry}                        | 2 | ENTRY_MISSING
            a deleted position | delete from journal_leaf where position = {position}                | 2 | LEAF_MISSING
            """)
    void a_tampered_row_is_pinpointed(String tampering, String statement, long position, Problem problem) throws Exception {
        signedLog();
        String sql = statement.replace("{position}", String.valueOf(position));
        db.execute(sql.contains("{entry}") ? sql.replace("{entry}", String.valueOf(entryAt(position))) : sql);
        assertPinpointed(db, problem, position);
    }

    @Test
    void an_edit_with_tiles_and_state_recomputed_is_caught_by_the_checkpoints() throws Exception {
        signedLog();
        long id = entryAt(1);
        db.execute("update journal_entry set target = 'someone-else' where id = " + id);
        // The attacker rebuilds every tile consistently (he knows the algorithm) but not the MAC key nor the signing key.
        rebuildTilesFromEntries();
        Result result = verify(db);
        assertFalse(result.ok());
        assertEquals(Problem.ENTRY_ALTERED, result.problem(), result::toString);
        assertEquals(1, result.seq(), "the MAC no longer verifies at the edited leaf");
    }

    private void rebuildTilesFromEntries() throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute("delete from journal_tile");
            LogLeaves reader = new LogLeaves(MAC_KEY, 0);
            MerkleLog.Frontier f = new MerkleLog.Frontier();
            List<byte[]> level0 = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select " + LogLeaves.COLUMNS + " from journal_leaf l join journal_entry e on e.id = l.entry_id order by l.position")) {
                while (rs.next()) {
                    byte[] h = MerkleLog.leafHash(reader.read(rs, 1).data());
                    level0.add(h);
                    f.append(h, null);
                }
            }
            byte[] tile = new byte[level0.size() * 32];
            for (int i = 0; i < level0.size(); i++) {
                System.arraycopy(level0.get(i), 0, tile, i * 32, 32);
            }
            LogTiles.write(c, 0, 0, tile);
        }
    }

    @Test
    void reordered_entries_are_pinpointed() throws Exception {
        signedLog();
        long a = entryAt(1);
        long b = entryAt(3);
        db.execute("update journal_leaf set entry_id = -1 where position = 1", "update journal_leaf set entry_id = " + a + " where position = 3",
                "update journal_leaf set entry_id = " + b + " where position = 1");
        assertPinpointed(db, Problem.ENTRY_ALTERED, 1);
    }

    @Test
    void an_entry_inserted_below_the_floor_without_a_position_is_reported() throws Exception {
        signedLog();
        long floor = db.queryLong("select floor_id from journal_log_state");
        db.execute("insert into journal_entry (id, occurred_at, actor, actor_role, action, outcome) values (" + (floor - 100)
                + ", current_timestamp, 'admin.demo', 'admin', 'EXPORT', 'SUCCESS')");
        Result result = verify(db);
        assertEquals(Problem.ENTRY_OUTSIDE_CHAIN, result.problem(), result::toString);
    }

    @Test
    void forged_split_and_rolled_back_checkpoints_are_detected() throws Exception {
        signedLog();
        String root = db.queryString("select root_hash from journal_log_state");
        insertCheckpoint(6, root, forgedHead(root));
        assertPinpointed(db, Problem.CHECKPOINT_FORGED, 6);
        db.execute("delete from journal_log_checkpoint where id = (select max(id) from journal_log_checkpoint)");

        // Split view: our key (stolen or misused) signed another root for the same size.
        byte[] other = MerkleLog.sha256("another history".getBytes());
        insertCheckpoint(6, JournalVerifier.hex(other), note(key, 6, other));
        assertPinpointed(db, Problem.CHECKPOINT_SPLIT_VIEW, 6);
        db.execute("delete from journal_log_checkpoint where id = (select max(id) from journal_log_checkpoint)");

        // Rollback: a smaller tree signed after the larger one.
        byte[] smaller;
        try (Connection c = db.open()) {
            smaller = LogProofs.root(c, 2);
        }
        insertCheckpoint(2, JournalVerifier.hex(smaller), note(key, 2, smaller));
        assertPinpointed(db, Problem.CHECKPOINT_ROLLBACK, 2);
        db.execute("delete from journal_log_checkpoint where id = (select max(id) from journal_log_checkpoint)");
        assertTrue(verify(db).ok());

        // Truncation: the newest leaves gone, the state moved back: the signed checkpoint still covers them.
        db.execute("delete from journal_leaf where position >= 4", "update journal_log_state set tree_size = 4");
        assertPinpointed(db, Problem.CHECKPOINT_BEYOND_END, 4);
    }

    /**
     * The signatures are checked on a thread of their own while the leaves are hashed: a forged checkpoint is still the
     * problem reported before a leaf's or a later checkpoint's, and a problem of an earlier checkpoint before it.
     */
    @Test
    void a_forged_checkpoint_is_reported_before_the_problems_after_it_and_after_those_before_it() throws Exception {
        signedLog();
        String root = db.queryString("select root_hash from journal_log_state");
        String forgedNote = forgedHead(root);
        byte[] other = MerkleLog.sha256("another history".getBytes());
        String splitNote = note(key, 6, other);

        // The same state signed again gives the same note: checked once, and sound.
        insertCheckpoint(6, root, db.queryString("select note from journal_log_checkpoint where tree_size = 6"));
        Result twice = verify(db);
        assertTrue(twice.ok(), twice::toString);

        insertCheckpoint(6, root, forgedNote);
        db.execute("update journal_entry set target = 'someone-else' where id = " + entryAt(1));
        assertPinpointed(db, Problem.CHECKPOINT_FORGED, 6); // and not the edited leaf 1, found as the signatures are checked
        insertCheckpoint(6, JournalVerifier.hex(other), splitNote);
        Result result = verify(db);
        assertEquals(Problem.CHECKPOINT_FORGED, result.problem(), result::toString);
        assertTrue(result.detail().startsWith("checkpoint " + db.queryLong("select max(id) - 1 from journal_log_checkpoint") + ":"),
                result::toString);

        db.execute("delete from journal_log_checkpoint where id >= (select max(id) - 1 from journal_log_checkpoint)");
        insertCheckpoint(6, JournalVerifier.hex(other), splitNote);
        insertCheckpoint(6, root, forgedNote);
        assertPinpointed(db, Problem.CHECKPOINT_SPLIT_VIEW, 6); // the split view comes first in the checkpoints' order
    }

    /** The head of {@link #signedLog()} (6 leaves, this root) signed with another key under our name. */
    String forgedHead(String root) throws Exception {
        return note(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), 6, JournalVerifier.unhex(root));
    }

    /** A checkpoint of this log's origin signed by {@code by}. */
    static String note(KeyPair by, long size, byte[] root) {
        return MerkleLog.sign(new MerkleLog.Checkpoint(ORIGIN, size, root).body(), ORIGIN, by.getPrivate(), by.getPublic());
    }

    private void insertCheckpoint(long size, String root, String note) throws Exception {
        try (Connection c = db.open(); PreparedStatement insert = c.prepareStatement("insert into journal_log_checkpoint "
                + "(tree_size, root_hash, created_at_us, note, pinned) values (?, ?, ?, ?, false)")) {
            insert.setLong(1, size);
            insert.setString(2, root);
            insert.setLong(3, System.currentTimeMillis() * 1000);
            insert.setString(4, note);
            insert.executeUpdate();
        }
    }

    @Test
    void one_sequencer_holds_the_lease_until_it_expires() throws Exception {
        LogSequencer a = sequencer(db, "node-a");
        LogSequencer b = sequencer(db, "node-b");
        append("552100554", "x");
        assertEquals(1, a.runOnce().sequenced());
        append("552100554", "y");
        assertEquals(-1, b.runOnce().sequenced(), "node-b waits while node-a's lease runs");
        clock.addAndGet(6_000); // node-a stopped renewing
        assertEquals(1, b.runOnce().sequenced());
        assertEquals(-1, a.runOnce().sequenced(), "node-a lost the lease and stops");
        b.release();
        append("552100554", "z");
        assertEquals(1, a.runOnce().sequenced(), "a released lease is free at once");
        assertTrue(verify(db).ok());
    }

    /**
     * A gap of billions of ids (the id sequence restarted higher, or a row written around the application with a
     * chosen id) once made the sequencer note each missing id one by one, and it never finished its round.
     */
    @Test
    void a_gap_of_billions_of_ids_is_passed_in_one_step_once_its_timeout_is_over() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        append("552100554", "before the gap");
        assertEquals(1, sequencer.runOnce().sequenced());
        db.execute("alter table journal_entry alter column id restart with 5000000000");
        long after = append("552100554", "after the gap");
        assertEquals(after, 5_000_000_000L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals(1, sequencer.runOnce().sequenced());
            assertEquals(1, floorId(), "the floor waits while the gap is within its timeout");
            clock.addAndGet(61_000);
            sequencer.runOnce();
            assertEquals(after, floorId(), "the gap timed out: the floor passed it in one step");
        });
        assertTrue(verify(db).ok());
    }

    private long floorId() throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select floor_id from journal_log_state where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void old_checkpoints_are_thinned_to_one_per_hour_after_a_day_pinned_ones_kept() throws Exception {
        signedLog();
        long now = System.currentTimeMillis();
        long base = onlyCheckpointsFrom(now);
        for (int i = 0; i < 6; i++) {
            checkpointAt(base + i * LogCheckpointer.HOUR_US / 3, i == 4);
        }
        checkpointAt(now * 1000 - 1000, false);
        checkpointAt(now * 1000 - 2000, false);
        try (Connection c = db.open()) {
            // Hours 0 (i 0,1,2) and 1 (i 3,4,5): keep i 0 and 3 (first of each hour), i 4 (pinned), and all of the last day.
            assertEquals(3, LogCheckpointer.prune(c, now));
        }
        assertEquals(5, db.queryLong("select count(*) from journal_log_checkpoint"));
    }

    @Test
    void a_checkpoint_pinned_for_a_certificate_outlives_the_thinning() throws Exception {
        signedLog();
        long now = System.currentTimeMillis();
        long base = onlyCheckpointsFrom(now);
        for (int i = 0; i < 3; i++) { // three in one hour, three days ago: only the first would be kept
            checkpointAt(base + i * 1000, false);
        }
        long certificates = db.queryLong("select max(id) from journal_log_checkpoint");
        try (Connection c = db.open()) {
            assertTrue(LogCheckpointer.pin(c, certificates));
            assertEquals(1, LogCheckpointer.prune(c, now), "the middle one goes, the first of the hour and the pinned one stay");
            assertFalse(LogCheckpointer.pin(c, certificates - 1), "gone: the caller signs a new one");
        }
        assertEquals(1, db.queryLong("select count(*) from journal_log_checkpoint where pinned and id = " + certificates));
    }

    /** Deletes the log's checkpoints and answers the hour three days before {@code nowMs}, in microseconds. */
    private long onlyCheckpointsFrom(long nowMs) throws Exception {
        db.execute("delete from journal_log_checkpoint");
        return (nowMs * 1000 - 3 * LogCheckpointer.DAY_US) / LogCheckpointer.HOUR_US * LogCheckpointer.HOUR_US;
    }

    /** A checkpoint row (of a six-entry log; the thinning reads only its time and pin) created at {@code createdAtUs}. */
    private void checkpointAt(long createdAtUs, boolean pinned) throws Exception {
        db.execute("insert into journal_log_checkpoint (tree_size, root_hash, created_at_us, note, pinned) values (6, 'r', "
                + createdAtUs + ", 'x', " + pinned + ")");
    }

    @Test
    void sixteen_writers_with_random_rollbacks_every_committed_entry_sequenced_exactly_once() throws Exception {
        LogDatabase pg = LogDatabase.postgres();
        LogDatabase on = pg != null ? pg.migrate("V1", "V2", "V7", "V19", "V20") : db;
        try {
            Set<Long> committed = ConcurrentHashMap.newKeySet();
            Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            LogSequencer sequencer = sequencer(on, "node-a");
            ExecutorService pool = Executors.newFixedThreadPool(17);
            try {
                Future<?> sequencing = pool.submit(() -> {
                    while (writing.get()) {
                        sequencer.runOnce();
                        Thread.sleep(5);
                    }
                    return null;
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 16; w++) {
                    writers.add(pool.submit(() -> {
                        try (Connection c = on.open()) {
                            c.setAutoCommit(false);
                            for (int i = 0; i < 40; i++) {
                                long id = LogDatabase.appendV2(c, MAC_KEY, "552100554", "w" + i);
                                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                                    c.rollback();
                                    rolledBack.add(id);
                                } else {
                                    c.commit();
                                    committed.add(id);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
                writing.set(false);
                sequencing.get();
            } finally {
                pool.shutdown();
            }
            sequencer.drain();
            Set<Long> sequenced = new HashSet<>();
            try (Connection c = on.open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select entry_id, position from journal_leaf order by position")) {
                long expected = 0;
                while (rs.next()) {
                    assertTrue(sequenced.add(rs.getLong(1)), "once");
                    assertEquals(expected++, rs.getLong(2), "no hole");
                }
            }
            assertEquals(committed, sequenced, "every committed entry, none of the rolled-back ones");
            assertTrue(rolledBack.size() > 0 && committed.size() > 300);
            LogCheckpointer.Stored checkpoint = sign(on, false);
            MerkleLog.Checkpoint opened = MerkleLog.open(checkpoint.note(), ORIGIN, key.getPublic());
            assertEquals(committed.size(), opened.size());
            try (Connection c = on.open()) {
                for (long position = 0; position < opened.size(); position++) {
                    MerkleLog.verifyInclusion(position, opened.size(), LogProofs.leafHash(c, position),
                            LogProofs.inclusion(c, position, opened.size()), opened.root());
                }
            }
            Result result = verify(on);
            assertTrue(result.ok(), result::toString);
            assertEquals(committed.size(), result.entriesChecked());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Test
    void proofs_read_a_logarithmic_number_of_tile_rows() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 70_000; i++) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", "bulk" + i);
            }
            c.commit();
        }
        while (sequencer.runOnce().sequenced() > 0) {
            // 1,000 per batch
        }
        assertEquals(70_000, db.queryLong("select tree_size from journal_log_state"));
        try (Connection c = db.open()) {
            LogTiles tiles = new LogTiles(c);
            byte[] root = MerkleLog.root(70_000, tiles);
            assertArrayEquals(JournalVerifier.unhex(db.queryString("select root_hash from journal_log_state")), root);
            LogTiles fresh = new LogTiles(c);
            List<byte[]> proof = MerkleLog.inclusionProof(12_345, 70_000, fresh);
            assertTrue(fresh.reads() <= 6, fresh.reads() + " tile rows read for a proof");
            MerkleLog.verifyInclusion(12_345, 70_000, LogProofs.leafHash(c, 12_345), proof, root);
            // the same proof with its tiles read first, in one statement (docs/performance.md 4.37)
            LogTiles batched = new LogTiles(c);
            List<byte[]> same = LogProofs.inclusion(batched, 12_345, 70_000);
            assertEquals(proof.size(), same.size());
            for (int i = 0; i < proof.size(); i++) {
                assertArrayEquals(proof.get(i), same.get(i), "hash " + i);
            }
            assertEquals(fresh.reads(), batched.reads(), "the same tiles");
            assertEquals(1, batched.statements(), "in one statement");
            // many proofs through one bounded cache (a tenant's export): right, and the tiles they share read once
            LogTiles bounded = new LogTiles(c, LogExport.PROOF_TILES);
            for (long position = 0; position < 70_000; position += 997) {
                MerkleLog.verifyInclusion(position, 70_000, LogProofs.leafHash(c, position),
                        LogProofs.inclusion(bounded, position, 70_000), root);
            }
            assertTrue(bounded.statements() <= 71 + 1, bounded.statements() + " statements for 71 proofs");
            assertTrue(bounded.reads() < 71 * 2, bounded.reads() + " tile rows for 71 proofs: the shared ones once");
            // and the nodes above the leaves' tiles, which the proofs share, hashed once (docs/performance.md 4.57):
            // each proof alone hashes its nodes from the tiles again
            long alone = 0;
            for (long position = 0; position < 70_000; position += 997) {
                LogTiles one = new LogTiles(c);
                LogProofs.inclusion(one, position, 70_000);
                alone += one.hashes();
            }
            assertTrue(bounded.hashes() * 10 < alone * 7, bounded.hashes() + " node hashes for 71 proofs through the bounded cache, "
                    + alone + " one by one: the shared nodes hashed once");
        }
    }

    /**
     * Two signers at once (the sequencer's rounds and an export's or a certificate's checkpoint, or two nodes): one
     * reads the state, the log grows and the other signs the larger tree, then the first inserts its smaller one. The
     * newer checkpoint then signed a smaller tree, and the verification reported the healthy log as rolled back
     * (found by JournalIT on a loaded machine: a checkpoint signed from a state read just before the log was rebuilt).
     * Signing now locks the state row from its read to its insert: the batch and the other signer wait.
     */
    @Test
    void a_checkpoint_signed_from_an_older_state_never_lands_after_a_larger_one() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        append("552100554", "a");
        assertEquals(1, sequencer.runOnce().sequenced());
        sign(db, false);
        java.util.concurrent.CountDownLatch stateRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        LogCheckpointer slow = new LogCheckpointer(ORIGIN, c -> {
            stateRead.countDown(); // the slow signer has read the state (tree size 1)
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key;
        }, clock::get);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<LogCheckpointer.Stored> older = pool.submit(() -> {
                try (Connection c = db.open()) {
                    return slow.sign(c, 0, true);
                }
            });
            assertTrue(stateRead.await(10, java.util.concurrent.TimeUnit.SECONDS));
            Future<LogCheckpointer.Stored> larger = pool.submit(() -> {
                append("552100554", "b");
                sequencer.runOnce();
                return sign(db, true);
            });
            try {
                larger.get(300, java.util.concurrent.TimeUnit.MILLISECONDS); // without the lock: the larger tree is signed first
            } catch (java.util.concurrent.TimeoutException waiting) {
                // with it: the batch waits for the slow signer
            }
            release.countDown();
            assertEquals(1, older.get(10, java.util.concurrent.TimeUnit.SECONDS).treeSize());
            assertEquals(2, larger.get(10, java.util.concurrent.TimeUnit.SECONDS).treeSize());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Result result = verify(db);
        assertTrue(result.ok(), result::toString);
    }
}

package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link LogSequencerTest} again on PostgreSQL (skipped without {@code GESTAN_TEST_DB_URL}): there the
 * verification reads the rows with {@code COPY … TO STDOUT} and hashes them on a second thread.
 */
class LogSequencerPostgresTest extends LogSequencerTest {

    @Override
    LogDatabase newDatabase() throws Exception {
        LogDatabase pg = LogDatabase.postgres();
        assumeTrue(pg != null, "GESTAN_TEST_DB_URL is not set");
        return pg;
    }

    @Test
    void fields_that_copy_escapes_verify_and_an_edit_among_them_is_pinpointed() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        String[] targets = {"tab\there", "line\nbreak\r", "back\\slash \\N", "é€😀 ünïcode", "", "\\", "\u000b\f\b"};
        try (Connection c = db.open()) {
            for (String target : targets) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", target);
            }
        }
        sequencer.runOnce();
        sign(db, false);
        Result ok = verify(db);
        assertTrue(ok.ok(), ok::toString);
        assertEquals(targets.length, ok.entriesChecked());
        db.execute("update journal_entry set target = 'back\\slash \\n' where id = " + entryAt(2));
        assertPinpointed(db, Problem.ENTRY_ALTERED, 2);
    }

    /** Verifies in chunks of {@code positions} (whole tiles), the path of logs of more than a million entries. */
    Result verifyInChunks(int positions) throws Exception {
        return new LogVerification(MAC_KEY, ORIGIN, key.getPublic()).inChunksOf(positions).verify(db::open, new LogVerification.Progress() {
            public void start(long total) {
            }

            public void checked(long leaves) {
            }
        });
    }

    @Test
    void a_log_read_in_several_chunks_verifies_and_a_bad_mac_and_an_edit_in_later_chunks_are_pinpointed() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        long forged;
        try (Connection c = db.open()) {
            for (int i = 0; i < 300; i++) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", "e" + i);
            }
            forged = LogDatabase.appendV2(c, MAC_KEY, "552100554", "forged in SQL", "00".repeat(32));
            for (int i = 301; i < 600; i++) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", "e" + i);
            }
        }
        assertEquals(600, sequencer.runOnce().sequenced());
        assertEquals(1, sequencer.runOnce().sequenced(), "the bad MAC's report");
        sign(db, false);
        assertEquals(forged, entryAt(300));
        for (Result r : new Result[] {verifyInChunks(256), verifyInChunks(512), verify(db)}) {
            assertEquals(Problem.ENTRY_NOT_AUTHENTIC, r.problem(), r::toString);
            assertEquals(300, r.seq());
        }
        // The flag set in SQL: a bad MAC on a leaf flagged authentic is an alteration.
        db.execute("update journal_leaf set authentic = true where position = 300");
        Result altered = verifyInChunks(256);
        assertEquals(Problem.ENTRY_ALTERED, altered.problem(), altered::toString);
        assertEquals(300, altered.seq());
    }

    @Test
    void a_clean_log_of_several_chunks_verifies_and_an_edit_in_the_last_chunk_is_pinpointed() throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        try (Connection c = db.open()) {
            for (int i = 0; i < 700; i++) {
                LogDatabase.appendV2(c, MAC_KEY, "552100554", "e" + i);
            }
        }
        sequencer.runOnce();
        sign(db, false);
        for (Result r : new Result[] {verifyInChunks(256), verifyInChunks(512), verify(db)}) {
            assertTrue(r.ok(), r::toString);
            assertEquals(700, r.entriesChecked());
        }
        db.execute("update journal_entry set target = 'someone-else' where id = " + entryAt(650));
        for (Result r : new Result[] {verifyInChunks(256), verify(db)}) {
            assertEquals(Problem.ENTRY_ALTERED, r.problem(), r::toString);
            assertEquals(650, r.seq());
        }
    }

    /** Verifies on connections from {@code connections} (the first one opened carries the snapshot). */
    Result verifyOn(LogSequencer.Connections connections) throws Exception {
        return new LogVerification(MAC_KEY, ORIGIN, key.getPublic()).verify(connections, new LogVerification.Progress() {
            public void start(long total) {
            }

            public void checked(long leaves) {
            }
        });
    }

    /** A log of {@code entries} entries, sequenced and signed; its sequencer. */
    LogSequencer signedLogOf(int entries) throws Exception {
        LogSequencer sequencer = sequencer(db, "node-a");
        for (int i = 0; i < entries; i++) {
            append("552100554", "e" + i);
        }
        sequencer.runOnce();
        sign(db, false);
        return sequencer;
    }

    @Test
    void the_leaves_read_on_the_second_connection_are_those_of_the_first_ones_snapshot() throws Exception {
        LogSequencer sequencer = signedLogOf(300);
        int[] opened = {0};
        // Between the first connection's snapshot and the second connection, the log grows by 200 leaves and a
        // checkpoint: read outside the snapshot they would be leaves beyond the state's size, and a checkpoint beyond
        // the end.
        Result r = verifyOn(() -> {
            if (opened[0]++ == 1) {
                try {
                    for (int i = 0; i < 200; i++) {
                        append("552100554", "later" + i);
                    }
                    sequencer.runOnce();
                    sign(db, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return db.open();
        });
        assertEquals(2, opened[0], "a second connection was opened");
        assertTrue(r.ok(), r::toString);
        assertEquals(300, r.entriesChecked());
        Result later = verify(db);
        assertTrue(later.ok(), later::toString);
        assertEquals(500, later.entriesChecked());
    }

    @Test
    void without_a_second_connection_the_leaves_are_read_first_and_the_same_problems_are_pinpointed() throws Exception {
        signedLogOf(300);
        int[] opened = {0};
        LogSequencer.Connections onlyOne = () -> {
            if (opened[0]++ > 0) {
                throw new java.sql.SQLException("the pool is at its limit");
            }
            return db.open();
        };
        Result ok = verifyOn(onlyOne);
        assertTrue(ok.ok(), ok::toString);
        assertEquals(300, ok.entriesChecked());
        assertEquals(2, opened[0]);
        db.execute("update journal_entry set target = 'someone-else' where id = " + entryAt(123));
        opened[0] = 0;
        Result altered = verifyOn(onlyOne);
        assertEquals(Problem.ENTRY_ALTERED, altered.problem(), altered::toString);
        assertEquals(123, altered.seq());
        assertPinpointed(db, Problem.ENTRY_ALTERED, 123);
    }

    @Test
    void leaves_stored_out_of_position_order_verify_and_a_gap_among_them_is_pinpointed() throws Exception {
        signedLog();
        // An update writes a new tuple version at the heap's end: the table's physical order is no longer the positions'.
        db.execute("update journal_leaf set authentic = authentic where position in (0, 2)");
        assertTrue(db.queryLong("select count(*) from (select position, lag(position) over () as before from journal_leaf) t "
                + "where position < before") > 0, "the heap holds the leaves out of position order");
        Result ok = verify(db);
        assertTrue(ok.ok(), ok::toString);
        assertEquals(6, ok.entriesChecked());
        db.execute("delete from journal_leaf where position = 1");
        assertPinpointed(db, Problem.LEAF_MISSING, 1);
    }
    @Test
    void the_leaves_packed_in_one_array_are_those_read_as_two_arrays() throws Exception {
        signedLogOf(300);
        // Out of position order in the heap, and one leaf not flagged authentic: both paths sort and flag alike.
        db.execute("update journal_leaf set authentic = authentic where position in (0, 7)");
        db.execute("update journal_leaf set authentic = false where position = 42");
        try (Connection c = db.open()) {
            long minId = db.queryLong("select min(entry_id) from journal_leaf");
            assertTrue(CopyVerification.Leaves.packable(minId, db.queryLong("select max(entry_id) from journal_leaf"), 0, 299));
            CopyVerification.Leaves packed = CopyVerification.Leaves.readPacked(c, minId);
            CopyVerification.Leaves two = CopyVerification.Leaves.read(c, 0, -1);
            assertEquals(300, packed.count);
            assertArrayEquals(two.positions, packed.positions);
            assertArrayEquals(two.entryIds, packed.entryIds);
            assertArrayEquals(two.flagged, packed.flagged);
            assertFalse(packed.flagged[42]);
            assertEquals(two.tiles.keySet(), packed.tiles.keySet());
        }
        assertTrue(CopyVerification.Leaves.packable(1, 1L << 32, 0, 10), "ids 2^32 - 1 apart");
        assertFalse(CopyVerification.Leaves.packable(1, (1L << 32) + 1, 0, 10), "ids 2^32 apart");
        assertFalse(CopyVerification.Leaves.packable(1, 2, 0, 1L << 31), "a position beyond 32 bits");
        assertFalse(CopyVerification.Leaves.packable(1, 2, -1, 10), "a negative position");
        assertFalse(CopyVerification.Leaves.packable(Long.MIN_VALUE, Long.MAX_VALUE, 0, 10), "the whole range of ids");
    }

    @Test
    void a_leaf_beyond_32_bits_of_position_is_read_through_two_arrays_and_pinpointed() throws Exception {
        signedLogOf(300);
        long unsequenced = append("552100554", "never sequenced");
        // Inserted in SQL (the table is append-only, not closed to inserts): a position no packed leaf can hold.
        db.execute("insert into journal_leaf (position, entry_id, authentic, sequenced_at_us) values (" + (1L << 40) + ", "
                + unsequenced + ", true, 0)");
        assertFalse(CopyVerification.Leaves.packable(db.queryLong("select min(entry_id) from journal_leaf"),
                db.queryLong("select max(entry_id) from journal_leaf"), 0, db.queryLong("select max(position) from journal_leaf")));
        assertPinpointed(db, Problem.LEAF_MISSING, 300);
    }
}

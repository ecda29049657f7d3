package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

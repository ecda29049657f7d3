package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two sequencers in two JVMs on one PostgreSQL database: one sequences, the other waits (on the lease row); the sequencing JVM is
 * killed (SIGKILL) in the middle of a batch; the other takes over once the lease expires and the log is whole: every
 * entry exactly once, no hole, verification OK. Needs {@code GESTAN_TEST_DB_URL} (CI sets it).
 */
class SequencerKillTest {

    private static Process start(LogDatabase db, String holder, long pauseMs, BlockingQueue<String> out) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SequencerProcess.class.getName(),
                db.url, db.user, db.password, holder, "2000", Long.toString(pauseMs)).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.add(line);
                }
            } catch (Exception ignored) {
                // the process died
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static String await(BlockingQueue<String> out, String prefix, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = out.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within " + seconds + " s");
    }

    @Test
    void a_sequencer_killed_mid_batch_leaves_a_consistent_log_that_the_other_completes() throws Exception {
        LogDatabase db = LogDatabase.postgres();
        Assumptions.assumeTrue(db != null, "GESTAN_TEST_DB_URL is not set");
        try (db) {
            db.migrate("V1", "V2", "V7", "V19", "V20");
            try (Connection c = db.open()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 450; i++) {
                    LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, "552100554", "e" + i);
                }
                c.commit();
            }
            BlockingQueue<String> slowOut = new LinkedBlockingQueue<>();
            BlockingQueue<String> otherOut = new LinkedBlockingQueue<>();
            Process slow = start(db, "jvm-a", 60_000, slowOut);
            Process other = null;
            try {
                await(slowOut, "IN_BATCH", 30);
                other = start(db, "jvm-b", 0, otherOut);
                // jvm-b waits on the lease row that jvm-a's batch holds, even past the lease's 2 s: no two batches overlap.
                Thread.sleep(4_000);
                assertTrue(otherOut.stream().noneMatch(line -> line.startsWith("SEQUENCED")), otherOut::toString);
                assertEquals(0, db.queryLong("select count(*) from journal_leaf"), "the batch in flight is not visible");
                slow.destroyForcibly(); // SIGKILL in the middle of the batch
                assertTrue(slow.waitFor(10, TimeUnit.SECONDS));
                String done;
                do {
                    done = await(otherOut, "SEQUENCED", 30);
                } while (!done.endsWith(" 450"));
                Process restarted = start(db, "jvm-a", 0, slowOut);
                try {
                    await(slowOut, "NOT_HOLDER", 30);
                } finally {
                    restarted.destroyForcibly();
                }
            } finally {
                slow.destroyForcibly();
                if (other != null) {
                    other.destroyForcibly();
                    other.waitFor(10, TimeUnit.SECONDS);
                }
            }
            try (Connection c = db.open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), count(distinct entry_id), min(position), max(position) from journal_leaf")) {
                rs.next();
                assertEquals(List.of(450L, 450L, 0L, 449L), List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
            assertEquals(450, db.queryLong("select tree_size from journal_log_state"));
            LogSequencerTest verifier = new LogSequencerTest();
            verifier.key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            verifier.sign(db, false);
            var result = verifier.verify(db);
            assertTrue(result.ok(), result::toString);
            assertEquals(450, result.entriesChecked());
        }
    }
}

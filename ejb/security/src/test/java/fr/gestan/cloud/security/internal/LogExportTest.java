package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant exports of the log (LogExport) checked by the offline verifier run as a single-file program
 * ({@code java JournalVerifier.java}, a subprocess) with the public key alone: a fresh export, one carrying the
 * consistency proof from the previous export, tampered exports (each class a tenant export can show), two kept
 * checkpoints, and the size of a small tenant's export beside a large tenant's. (Exports made before the log, v1, are
 * run through the same program in JournalVerifierTest.)
 */
class LogExportTest {

    private static final String SMALL = "552100554";
    private static final String LARGE = "732829320";

    @TempDir
    Path dir;
    private KeyPair key;
    private LogDatabase db;
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private Path publicKey;

    @BeforeEach
    void database() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        db = LogDatabase.h2().migrate("V1", "V2", "V7", "V19", "V20");
        publicKey = dir.resolve("journal-public-key.pem");
        Files.writeString(publicKey, JournalVerifier.publicKeyPem(key.getPublic()), StandardCharsets.US_ASCII);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    private void append(String tenant, String target) throws Exception {
        try (Connection c = db.open()) {
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, tenant, target);
        }
    }

    /** Sequences everything committed and signs a pinned checkpoint, as an export does. */
    private LogCheckpointer.Stored sequenceAndSign() throws Exception {
        LogSequencer sequencer = new LogSequencer(db::open, new SingletonLease(LogSequencer.LEASE, "node-a", 5_000, clock::get),
                LogSequencerTest.MAC_KEY, clock::get, 1000, 60_000);
        while (sequencer.runOnce().sequenced() > 0) {
            // until all is sequenced
        }
        try (Connection c = db.open()) {
            return new LogCheckpointer(LogSequencerTest.ORIGIN, key.getPrivate(), key.getPublic(), clock::get).sign(c, 0, true);
        }
    }

    /** A tenant export as JournalIntegrity writes it, then its JOURNAL_EXPORTED entry. */
    private String export(String tenant) throws Exception {
        LogCheckpointer.Stored signed = sequenceAndSign();
        StringWriter out = new StringWriter();
        try (Connection c = db.open()) {
            LogExport.write(c, signed, tenant, LogExport.previous(c, tenant), out);
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, tenant, "JOURNAL_EXPORTED",
                    LogExport.TENANT_EXPORT_TARGET + signed.treeSize(), null);
        }
        return out.toString();
    }

    private Result inProcess(String export) throws Exception {
        return JournalVerifier.Export.verify(new BufferedReader(new StringReader(export)), key.getPublic());
    }

    private int verifier(String[] out, String... args) throws Exception {
        return OfflineVerifier.run(dir, out, args);
    }

    private int verifyFile(String export, String[] out) throws Exception {
        Path file = dir.resolve("journal-" + SMALL + ".tsv");
        Files.writeString(file, export, StandardCharsets.UTF_8);
        return verifier(out, file.toString(), publicKey.toString());
    }

    @Test
    void a_small_tenants_export_holds_its_own_entries_with_proofs_and_stays_small_beside_a_large_tenant() throws Exception {
        for (int i = 0; i < 5; i++) {
            append(SMALL, "erp-db-" + i);
        }
        try (Connection c = db.open()) {
            LogDatabase.appendMany(c, LogSequencerTest.MAC_KEY, LARGE, 100_000);
        }
        for (int i = 5; i < 10; i++) {
            append(SMALL, "erp-db-" + i);
        }
        String small = export(SMALL);
        LogCheckpointer.Stored signed = sequenceAndSign();
        assertTrue(signed.treeSize() >= 100_010, "the log holds both tenants: " + signed.treeSize());

        String[] lines = small.split("\n");
        assertEquals(JournalVerifier.EXPORT_HEADER_V2, lines[0]);
        assertEquals(2 + 10, lines.length, "header, checkpoint and the ten entries: nothing about the other tenant");
        assertTrue(!small.contains(LARGE) && !small.contains("P\t"), small);
        assertTrue(small.length() < 16_000, "ten entries with proofs of about 17 hashes: " + small.length() + " characters");
        String[] out = new String[1];
        assertEquals(0, verifyFile(small, out), out[0]);
        assertTrue(out[0].startsWith("OK: 10 entries, 1 checkpoints"), out[0]);

        // The whole log (every leaf, without proofs) is more than a thousand times larger.
        StringWriter whole = new StringWriter();
        try (Connection c = db.open()) {
            LogExport.write(c, signed, null, null, whole);
        }
        assertTrue(whole.toString().length() > 1000L * small.length(), whole.toString().length() + " vs " + small.length());
        assertTrue(inProcess(whole.toString()).ok());
    }

    @Test
    void the_next_export_proves_the_log_only_grew_since_the_previous_one_and_tampering_is_pinpointed() throws Exception {
        append(SMALL, "erp-db");
        append(LARGE, "someone-else");
        String first = export(SMALL);
        String firstNote = note(first);
        append(LARGE, "someone-else-again");
        append(SMALL, "erp-app");
        String second = export(SMALL);

        assertTrue(second.split("\n")[2].startsWith("P\t"), "the previous export's checkpoint follows this one's: " + second);
        String[] out = new String[1];
        assertEquals(0, verifyFile(second, out), out[0]);
        assertTrue(out[0].startsWith("OK: 3 entries, 2 checkpoints"), "erp-db, the first JOURNAL_EXPORTED, erp-app: " + out[0]);
        assertEquals(0, verifyFile(first, out), out[0]);

        // An entry edited in the file, or moved to another position: its proof fails there.
        assertEquals(1, verifyFile(second.replace("erp-app", "erp-ap"), out));
        assertTrue(out[0].contains("ENTRY_ALTERED"), out[0]);
        String[] fields = second.split("\n")[3].split("\t");
        assertEquals(1, verifyFile(second.replace(fields[0] + "\t" + fields[1] + "\t", fields[0] + "\t" + (Long.parseLong(fields[1]) + 1) + "\t"), out));
        assertTrue(out[0].contains("BROKEN at " + (Long.parseLong(fields[1]) + 1) + ": ENTRY_ALTERED"), out[0]);
        // An entry inserted in the file (no genuine proof can exist for it).
        String inserted = second + "V\t0\t1780000000000000\tsupport.demo\tsupport\t" + SMALL + "\tSECRET_REVEALED\tforged\t-\tSUCCESS\t\\N\t"
                + "00".repeat(32) + "\t-\n";
        assertEquals(1, verifyFile(inserted, out));
        assertTrue(out[0].contains("ENTRY_ALTERED"), out[0]);

        // A checkpoint signed with another key.
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        MerkleLog.Checkpoint genuine = MerkleLog.open(note(second), LogSequencerTest.ORIGIN, key.getPublic());
        String forgedNote = MerkleLog.sign(genuine.body(), LogSequencerTest.ORIGIN, forger.getPrivate(), forger.getPublic());
        assertEquals(1, verifyFile(second.replace(second.split("\n")[1], "N\t" + base64(forgedNote)), out));
        assertTrue(out[0].contains("CHECKPOINT_FORGED"), out[0]);

        // The previous export's checkpoint rewritten (same size, another root, the real key stolen): no consistency.
        MerkleLog.Checkpoint previous = MerkleLog.open(firstNote, LogSequencerTest.ORIGIN, key.getPublic());
        String rewritten = MerkleLog.sign(new MerkleLog.Checkpoint(LogSequencerTest.ORIGIN, previous.size(),
                MerkleLog.sha256("another history".getBytes(StandardCharsets.UTF_8))).body(), LogSequencerTest.ORIGIN,
                key.getPrivate(), key.getPublic());
        String[] p = second.split("\n")[2].split("\t");
        assertEquals(1, verifyFile(second.replace(p[1], base64(rewritten)), out));
        assertTrue(out[0].contains("CHECKPOINT_MISMATCH") && out[0].contains("rewritten"), out[0]);
        // A previous checkpoint larger than this one: the log was rolled back.
        append(SMALL, "later");
        String later = note(export(SMALL));
        assertEquals(1, verifyFile(second.replace(p[1], base64(later)), out));
        assertTrue(out[0].contains("CHECKPOINT_ROLLBACK"), out[0]);
    }

    @Test
    void an_entry_edited_in_the_database_fails_in_the_next_export() throws Exception {
        append(SMALL, "erp-db");
        append(SMALL, "erp-app");
        export(SMALL);
        long id = db.queryLong("select max(id) from journal_entry where target = 'erp-app'");
        long position = db.queryLong("select position from journal_leaf where entry_id = " + id);
        db.execute("update journal_entry set target = 'erp-ap' where id = " + id); // H2: no trigger installed here
        String[] out = new String[1];
        assertEquals(1, verifyFile(export(SMALL), out));
        assertTrue(out[0].contains("BROKEN at " + position + ": ENTRY_ALTERED"), out[0]);
    }

    @Test
    void two_checkpoints_a_client_kept_are_checked_with_the_public_consistency_proof() throws Exception {
        append(SMALL, "erp-db");
        LogCheckpointer.Stored older = sequenceAndSign();
        append(LARGE, "someone-else");
        append(SMALL, "erp-app");
        LogCheckpointer.Stored newer = sequenceAndSign();
        List<byte[]> proof;
        try (Connection c = db.open()) {
            proof = LogProofs.consistency(c, older.treeSize(), newer.treeSize());
        }
        Path olderFile = Files.writeString(dir.resolve("older.txt"), older.note());
        Path newerFile = Files.writeString(dir.resolve("newer.txt"), newer.note());
        // Saved from GET /api/v1/public/journal/consistency (the JSON of ConsistencyProofView).
        Path json = Files.writeString(dir.resolve("proof.json"), "{\"checkpoint\":\"" + newer.note().replace("\n", "\\n")
                + "\",\"first\":" + older.treeSize() + ",\"proof\":[" + String.join(",", proof.stream()
                .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"").toList()) + "],\"second\":" + newer.treeSize() + "}");
        String[] out = new String[1];
        assertEquals(0, verifier(out, "--consistency", olderFile.toString(), newerFile.toString(), json.toString(), publicKey.toString()), out[0]);
        assertTrue(out[0].startsWith("OK: 0 entries, 2 checkpoints"), out[0]);

        // The log rewritten behind the client's back: the server now shows another root for the newer size.
        String split = MerkleLog.sign(new MerkleLog.Checkpoint(LogSequencerTest.ORIGIN, newer.treeSize(),
                MerkleLog.sha256("rewritten".getBytes(StandardCharsets.UTF_8))).body(), LogSequencerTest.ORIGIN, key.getPrivate(), key.getPublic());
        Path splitFile = Files.writeString(dir.resolve("split.txt"), split);
        assertEquals(1, verifier(out, "--consistency", olderFile.toString(), splitFile.toString(), json.toString(), publicKey.toString()));
        assertTrue(out[0].contains("CHECKPOINT_MISMATCH") && out[0].contains("size " + older.treeSize()), out[0]);
        assertEquals(1, verifier(out, "--consistency", newerFile.toString(), splitFile.toString(), json.toString(), publicKey.toString()));
        assertTrue(out[0].contains("CHECKPOINT_SPLIT_VIEW"), out[0]);
        assertEquals(2, verifier(out, "--consistency", olderFile.toString()));
    }

    @Test
    void the_previous_export_is_found_from_its_journal_entry_and_pinned_checkpoint() throws Exception {
        append(SMALL, "erp-db");
        try (Connection c = db.open()) {
            assertNull(LogExport.previous(c, SMALL), "a first export has no previous checkpoint");
        }
        String first = export(SMALL);
        try (Connection c = db.open()) {
            LogCheckpointer.Stored previous = LogExport.previous(c, SMALL);
            assertNotNull(previous);
            assertEquals(note(first), previous.note());
            assertNull(LogExport.previous(c, LARGE), "another tenant's export is not this one's");
        }
    }

    private static String note(String export) {
        return new String(Base64.getDecoder().decode(export.split("\n")[1].substring(2)), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

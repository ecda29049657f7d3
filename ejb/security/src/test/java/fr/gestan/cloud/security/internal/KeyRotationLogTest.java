package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation in the log (issue 18 item 4): the checkpoint key rotated between two checkpoints (journal_checkpoint_key,
 * the signer picking the newest recorded key) and the MAC key rotated between entries (entries naming their key).
 * Old and new checkpoints verify with the published key set, in the server ({@link LogVerification}) and offline
 * ({@code java JournalVerifier.java}, a subprocess); an unknown key and a retired key signing past its period are
 * refused; entries MAC'd with either key are authentic, one naming a key the ring lacks is not.
 */
class KeyRotationLogTest {

    private static final String TENANT = "552100554";
    private static final byte[] NEW_MAC_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private LogDatabase db;
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private JournalKeys.Member oldKey;
    private JournalKeys.Member newKey;
    private LogCheckpointer checkpointer;
    private JournalMacKey macKeys = JournalMacKey.single(LogSequencerTest.MAC_KEY);

    @BeforeEach
    void database() throws Exception {
        db = LogDatabase.h2().migrate("V1", "V2", "V7", "V19", "V20");
        oldKey = member(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        newKey = member(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        Map<String, JournalKeys.Member> ring = Map.of(oldKey.id(), oldKey, newKey.id(), newKey);
        // As the server signs: the newest recorded key, found in the ring by its id.
        checkpointer = new LogCheckpointer(JournalLog.origin(), c -> ring.get(CheckpointKeys.signingId(c)).pair(), clock::get);
        try (Connection c = db.open()) {
            CheckpointKeys.register(c, oldKey, clock.get() * 1000);
            CheckpointKeys.register(c, newKey, clock.get() * 1000); // a second start: the key is recorded already
            assertEquals(oldKey.id(), CheckpointKeys.signingId(c));
        }
    }

    private static JournalKeys.Member member(KeyPair pair) {
        return new JournalKeys.Member(JournalKeys.idOf(pair.getPublic()), pair.getPrivate(), pair.getPublic(), null);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    private LogCheckpointer.Stored sequenceAndSign() throws Exception {
        LogSequencer sequencer = new LogSequencer(db::open, new SingletonLease(LogSequencer.LEASE, "node-a", 5_000, clock::get),
                () -> macKeys, clock::get, 1000, 60_000);
        while (sequencer.runOnce().sequenced() > 0) {
            // until all is sequenced
        }
        clock.addAndGet(1000);
        try (Connection c = db.open()) {
            return checkpointer.sign(c, 0, true);
        }
    }

    private String export(LogCheckpointer.Stored signed, LogCheckpointer.Stored previous) throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = db.open()) {
            LogExport.write(c, signed, TENANT, previous, out);
        }
        return out.toString();
    }

    private MerkleLog.KeySet published() throws Exception {
        try (Connection c = db.open()) {
            return CheckpointKeys.keySet(CheckpointKeys.all(c));
        }
    }

    private Result verifyLog(MerkleLog.KeySet keys) throws Exception {
        return new LogVerification(macKeys, JournalLog.origin(), keys).verify(db::open, new LogVerification.Progress() {
            @Override
            public void start(long total) {
            }

            @Override
            public void checked(long leaves) {
            }
        });
    }

    private int verifier(String[] out, String... args) throws Exception {
        return OfflineVerifier.run(dir, out, args);
    }

    private static String note(String export) {
        return new String(Base64.getDecoder().decode(export.split("\n")[1].split("\t")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void checkpoints_before_and_after_a_rotation_verify_with_the_published_key_set_and_other_keys_are_refused() throws Exception {
        try (Connection c = db.open()) {
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, TENANT, "erp-db");
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, TENANT, "erp-app");
        }
        LogCheckpointer.Stored before = sequenceAndSign();
        String firstExport = export(before, null);
        long rotatedAt;
        try (Connection c = db.open()) {
            rotatedAt = CheckpointKeys.rotate(c, newKey, clock.get() * 1000);
            assertEquals(newKey.id(), CheckpointKeys.signingId(c));
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, TENANT, "erp-web");
        }
        assertEquals(before.treeSize(), rotatedAt, "the new key signs from the tree size at rotation");
        LogCheckpointer.Stored after = sequenceAndSign();
        String secondExport = export(after, before);
        assertEquals(oldKey.id(), JournalIntegrityBean.signingKeyId(before.note()), "each checkpoint names its key");
        assertEquals(newKey.id(), JournalIntegrityBean.signingKeyId(after.note()));

        MerkleLog.KeySet keys = published();
        assertEquals(2, keys.keys().size());
        assertEquals(List.of(0L, rotatedAt), keys.keys().stream().map(MerkleLog.PublishedKey::firstSize).toList());
        assertEquals(List.of(rotatedAt, -1L), keys.keys().stream().map(MerkleLog.PublishedKey::lastSize).toList());
        assertFalse(keys.keys().get(0).retiredAt().equals("-"), "the old key's retirement is dated: " + keys.text());

        // In the server: every kept checkpoint (both keys) and every leaf.
        Result whole = verifyLog(keys);
        assertTrue(whole.ok(), whole.toString());
        assertEquals(2, whole.checkpointsChecked());
        Result oldKeyOnly = verifyLog(MerkleLog.KeySet.of(JournalLog.origin(), oldKey.publicKey()));
        assertEquals(Problem.CHECKPOINT_FORGED, oldKeyOnly.problem(), "the new key's checkpoint is unknown to the old key alone");

        // Offline, with the key set downloaded from /journal/journal-keys.txt.
        Path keyFile = Files.writeString(dir.resolve("journal-keys.txt"), keys.text());
        Path second = Files.writeString(dir.resolve("second.tsv"), secondExport);
        Path first = Files.writeString(dir.resolve("first.tsv"), firstExport);
        String[] out = new String[1];
        assertEquals(0, verifier(out, second.toString(), keyFile.toString()), out[0]);
        assertTrue(out[0].startsWith("OK: 3 entries, 2 checkpoints"), "old checkpoint (P line) and new one: " + out[0]);
        assertEquals(0, verifier(out, first.toString(), keyFile.toString()), out[0]);
        Path olderNote = Files.writeString(dir.resolve("older.txt"), before.note());
        Path newerNote = Files.writeString(dir.resolve("newer.txt"), after.note());
        List<byte[]> proof;
        try (Connection c = db.open()) {
            proof = LogProofs.consistency(c, before.treeSize(), after.treeSize());
        }
        Path proofFile = Files.writeString(dir.resolve("proof.txt"), String.join("\n", proof.stream().map(Base64.getEncoder()::encodeToString).toList()));
        assertEquals(0, verifier(out, "--consistency", olderNote.toString(), newerNote.toString(), proofFile.toString(), keyFile.toString()), out[0]);
        // The old key's PEM alone (today's single key before the change) does not know the new key.
        Path oldPem = Files.writeString(dir.resolve("old.pem"), JournalVerifier.publicKeyPem(oldKey.publicKey()));
        assertEquals(1, verifier(out, second.toString(), oldPem.toString()));
        assertTrue(out[0].contains("CHECKPOINT_FORGED"), out[0]);

        // The retired key (stolen later) signs a larger tree: outside its period.
        MerkleLog.Checkpoint genuine = keys.open(after.note());
        String late = MerkleLog.sign(genuine.body(), JournalLog.origin(), oldKey.privateKey(), oldKey.publicKey());
        Path lateExport = Files.writeString(dir.resolve("late.tsv"), secondExport.replace(secondExport.split("\n")[1],
                "N\t" + Base64.getEncoder().encodeToString(late.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, verifier(out, lateExport.toString(), keyFile.toString()));
        assertTrue(out[0].contains("CHECKPOINT_FORGED") && out[0].contains("outside its period"), out[0]);
        // A key the set does not publish.
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String foreign = MerkleLog.sign(genuine.body(), JournalLog.origin(), stranger.getPrivate(), stranger.getPublic());
        Path foreignExport = Files.writeString(dir.resolve("foreign.tsv"), secondExport.replace(secondExport.split("\n")[1],
                "N\t" + Base64.getEncoder().encodeToString(foreign.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, verifier(out, foreignExport.toString(), keyFile.toString()));
        assertTrue(out[0].contains("not in the published key set"), out[0]);
        // The same forgery stored in the database is found by the server's verification.
        try (Connection c = db.open()) {
            c.createStatement().executeUpdate("insert into journal_log_checkpoint (tree_size, root_hash, created_at_us, note, pinned) values ("
                    + after.treeSize() + ", '" + after.rootHex() + "', " + (clock.get() * 1000 + 5) + ", '" + late + "', true)");
        }
        Result forged = verifyLog(keys);
        assertEquals(Problem.CHECKPOINT_FORGED, forged.problem(), forged.toString());
        assertTrue(forged.detail().contains("outside its period"), forged.detail());
        assertTrue(note(secondExport).equals(after.note()));
    }

    @Test
    void entries_name_their_mac_key_and_verify_with_it_after_a_rotation() throws Exception {
        try (Connection c = db.open()) {
            LogDatabase.appendV2(c, LogSequencerTest.MAC_KEY, TENANT, "before-rotation"); // no key id: the initial key
        }
        sequenceAndSign();
        macKeys = JournalMacKey.of(LogSequencerTest.MAC_KEY, NEW_MAC_KEY);
        String newId = macKeys.recordedId();
        assertEquals(JournalMacKey.idOf(NEW_MAC_KEY), newId);
        long unknownKeyEntry;
        try (Connection c = db.open()) {
            LogDatabase.appendV2WithKey(c, NEW_MAC_KEY, newId, TENANT, "after-rotation");
            LogDatabase.appendV2WithKey(c, LogSequencerTest.MAC_KEY, JournalMacKey.idOf(LogSequencerTest.MAC_KEY), TENANT, "old-key-named");
        }
        sequenceAndSign();
        assertEquals(0, db.queryLong("select count(*) from journal_leaf where not authentic"), "both keys' entries are authentic");
        Result ok = verifyLog(published());
        assertTrue(ok.ok(), ok.toString());
        assertEquals(3, ok.entriesChecked());

        // An entry naming a key the ring does not hold (written around the application): sequenced, flagged, reported.
        try (Connection c = db.open()) {
            unknownKeyEntry = LogDatabase.appendV2WithKey(c, NEW_MAC_KEY, "00112233445566aa", TENANT, "forged");
        }
        sequenceAndSign();
        assertEquals(0, db.queryLong("select count(*) from journal_leaf where authentic and entry_id = " + unknownKeyEntry));
        Result flagged = verifyLog(published());
        assertEquals(Problem.ENTRY_NOT_AUTHENTIC, flagged.problem(), flagged.toString());
        // The server's verification with the initial key alone cannot check the new key's entries.
        macKeys = JournalMacKey.single(LogSequencerTest.MAC_KEY);
        assertFalse(verifyLog(published()).ok());
    }
}

package fr.gestan.cloud.security.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog.Checkpoint;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proofs generated and verified for every shape of tree up to 70 leaves, tiles, and signed-note checkpoints. */
class MerkleLogTest {

    /** A tree grown with {@link MerkleLog.Frontier}, every completed node kept, as the sequencer keeps them in tiles. */
    static final class Tree {
        final MerkleLog.Frontier frontier = new MerkleLog.Frontier();
        final Map<String, byte[]> nodes = new HashMap<>();
        final List<byte[]> leafHashes = new ArrayList<>();

        void add(byte[] leaf) {
            byte[] hash = MerkleLog.leafHash(leaf);
            leafHashes.add(hash);
            frontier.append(hash, (level, index, h) -> nodes.put(level + "/" + index, h));
        }

        MerkleLog.NodeSource source() {
            return (level, index) -> {
                byte[] h = nodes.get(level + "/" + index);
                if (h == null) {
                    throw new IllegalStateException("node " + level + "/" + index + " is not complete");
                }
                return h;
            };
        }
    }

    static Tree tree(int size) {
        Tree tree = new Tree();
        for (int i = 0; i < size; i++) {
            tree.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    @Test
    void every_inclusion_and_consistency_proof_verifies_and_a_wrong_one_does_not() throws Exception {
        Tree tree = tree(70);
        List<byte[]> roots = new ArrayList<>();
        for (int n = 0; n <= 70; n++) {
            roots.add(MerkleLog.rootOf(tree.leafHashes.subList(0, n)));
            assertArrayEquals(roots.get(n), MerkleLog.root(n, tree.source()), "root of " + n);
        }
        for (int n = 1; n <= 70; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleLog.inclusionProof(i, n, tree.source());
                MerkleLog.verifyInclusion(i, n, tree.leafHashes.get(i), proof, roots.get(n));
                int other = (i + 1) % n;
                if (other != i) {
                    int leaf = other;
                    int size = n;
                    int index = i;
                    assertThrows(VerificationException.class,
                            () -> MerkleLog.verifyInclusion(index, size, tree.leafHashes.get(leaf), proof, roots.get(size)));
                }
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleLog.consistencyProof(m, n, tree.source());
                MerkleLog.verifyConsistency(m, n, roots.get(m), roots.get(n), proof);
                if (m < n) {
                    int first = m;
                    int second = n;
                    byte[] forged = roots.get(m).clone();
                    forged[0] ^= 1;
                    assertThrows(VerificationException.class, () -> MerkleLog.verifyConsistency(first, second, forged, roots.get(second), proof));
                }
            }
        }
    }

    @Test
    void proofs_stay_logarithmic() {
        Tree tree = tree(1000);
        assertEquals(10, MerkleLog.inclusionProof(517, 1000, tree.source()).size());
        assertTrue(MerkleLog.consistencyProof(333, 1000, tree.source()).size() <= 2 * 10);
    }

    @Test
    void a_frontier_resumes_from_its_border_nodes() {
        Tree tree = tree(300);
        List<byte[]> border = MerkleLog.borderNodes(300).stream()
                .map(n -> tree.source().node((int) n[0], n[1])).toList();
        MerkleLog.Frontier resumed = new MerkleLog.Frontier(300, border);
        assertArrayEquals(tree.frontier.root(), resumed.root());
        byte[] next = MerkleLog.leafHash(new byte[] {42});
        tree.frontier.append(next, null);
        resumed.append(next, null);
        assertArrayEquals(tree.frontier.root(), resumed.root());
    }

    @Test
    void tile_paths_follow_tlog_tiles() {
        assertEquals("tile/0/x001/x234/067", MerkleLog.tilePath(0, 1_234_067, 256));
        assertEquals("tile/1/000.p/7", MerkleLog.tilePath(1, 0, 7));
        assertEquals("tile/2/067", MerkleLog.tilePath(2, 67, 256));
        assertArrayEquals(new long[] {0, 1_234_067, 256}, MerkleLog.parseTilePath("0/x001/x234/067"));
        assertArrayEquals(new long[] {1, 0, 7}, MerkleLog.parseTilePath("1/000.p/7"));
        for (String bad : List.of("0/1234067", "0/x001/234/067", "0/001.p/256", "0/001.p/0", "64/000", "0/x001", "a/000", "0/000/")) {
            assertNull(MerkleLog.parseTilePath(bad), bad);
        }
        assertEquals(256, MerkleLog.tileWidth(0, 0, 1000));
        assertEquals(232, MerkleLog.tileWidth(0, 3, 1000));
        assertEquals(0, MerkleLog.tileWidth(0, 4, 1000));
        assertEquals(3, MerkleLog.tileWidth(1, 0, 1000));
        assertEquals(1, MerkleLog.tileWidth(1, 0, 256));
        assertEquals(0, MerkleLog.tileWidth(1, 0, 255));
    }

    @Test
    void nodes_of_every_level_are_recomputed_from_tiles() {
        Tree tree = tree(70_000);
        // Tiles as the sequencer stores them: level L holds the nodes of level 8L.
        Map<String, byte[]> tiles = new HashMap<>();
        for (int tileLevel = 0; tileLevel <= 2; tileLevel++) {
            long nodes = 70_000L >>> (8 * tileLevel);
            for (long t = 0; t * 256 < nodes; t++) {
                int width = MerkleLog.tileWidth(tileLevel, t, 70_000);
                byte[] data = new byte[width * 32];
                for (int i = 0; i < width; i++) {
                    System.arraycopy(tree.source().node(8 * tileLevel, t * 256 + i), 0, data, i * 32, 32);
                }
                tiles.put(tileLevel + "/" + t, data);
            }
        }
        MerkleLog.NodeSource fromTiles = (level, index) -> {
            long[] tile = MerkleLog.tileOf(level, index);
            return MerkleLog.nodeFromTile(level, index, tiles.get(tile[0] + "/" + tile[1]));
        };
        for (int level = 0; level <= 16; level++) {
            for (long index = 0; (index + 1) << level <= 70_000; index += 1 + index / 3) {
                assertArrayEquals(tree.source().node(level, index), fromTiles.node(level, index), level + "/" + index);
            }
        }
        assertArrayEquals(tree.frontier.root(), MerkleLog.root(70_000, fromTiles));
        List<byte[]> proof = MerkleLog.inclusionProof(65_432, 70_000, fromTiles);
        assertArrayEquals(tree.frontier.root(), assertDoesNotThrow(() ->
                MerkleLog.rootFromInclusionProof(65_432, 70_000, tree.leafHashes.get(65_432), proof)));
    }

    static <T> T assertDoesNotThrow(ThrowingSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void checkpoints_are_signed_notes_that_verify_with_the_key_only() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String origin = "gestan.example/journal";
        byte[] root = MerkleLog.sha256("root".getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = new Checkpoint(origin, 1234, root, List.of("gestan-chain-head 17 " + "ab".repeat(32)));
        String note = MerkleLog.sign(checkpoint.body(), origin, key.getPrivate(), key.getPublic());
        assertEquals(origin + "\n1234\n" + Base64.getEncoder().encodeToString(root) + "\ngestan-chain-head 17 " + "ab".repeat(32) + "\n\n\u2014 " + origin + " ",
                note.substring(0, note.lastIndexOf(' ') + 1));
        Checkpoint opened = MerkleLog.open(note, origin, key.getPublic());
        assertEquals(1234, opened.size());
        assertArrayEquals(root, opened.root());
        assertEquals(checkpoint.extensions(), opened.extensions());

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThrows(VerificationException.class, () -> MerkleLog.open(note, origin, other.getPublic()), "another key");
        assertThrows(VerificationException.class, () -> MerkleLog.open(note.replace("\n1234\n", "\n1235\n"), origin, key.getPublic()), "altered size");
        assertThrows(VerificationException.class, () -> MerkleLog.open(note, "other.example/log", key.getPublic()), "other name");
        // A forger who signs with his own key under our name and key hash.
        String forged = MerkleLog.sign(new Checkpoint(origin, 9999, root).body(), origin, other.getPrivate(), other.getPublic());
        String[] parts = forged.split("\u2014 " + origin + " ");
        byte[] sig = Base64.getDecoder().decode(parts[1].trim());
        System.arraycopy(MerkleLog.keyHash(origin, key.getPublic()), 0, sig, 0, 4);
        String relabelled = parts[0] + "\u2014 " + origin + " " + Base64.getEncoder().encodeToString(sig) + "\n";
        VerificationException e = assertThrows(VerificationException.class, () -> MerkleLog.open(relabelled, origin, key.getPublic()));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        // Extra signatures (witnesses) do not matter.
        String cosigned = note + "\u2014 witness.example " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        assertEquals(1234, MerkleLog.open(cosigned, origin, key.getPublic()).size());
    }

    @Test
    void key_hashes_match_the_go_note_package() throws Exception {
        // golang.org/x/mod/sumdb/note's documented example key.
        String vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        Map.Entry<String, PublicKey> parsed = MerkleLog.parseVerifierKey(vkey);
        assertEquals("PeterNeumann", parsed.getKey());
        assertEquals("c74f20a3", HexFormat.of().formatHex(MerkleLog.keyHash("PeterNeumann", parsed.getValue())));
        assertEquals(vkey, MerkleLog.verifierKey("PeterNeumann", parsed.getValue()));
        assertThrows(VerificationException.class, () -> MerkleLog.parseVerifierKey(vkey.replace("c74f20a3", "c74f20a4")));
    }

    @Test
    void raw_ed25519_keys_round_trip() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = MerkleLog.rawEd25519(key.getPublic());
        assertEquals(32, raw.length);
        PublicKey back = MerkleLog.ed25519FromRaw(raw);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        byte[] sig = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(back);
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(sig));
        assertTrue(Arrays.equals(key.getPublic().getEncoded(), back.getEncoded()));
    }

    @Test
    void malformed_checkpoints_are_refused() {
        for (String body : List.of("origin\n12\n", "origin\n-1\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
                "origin\n012\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
                "origin\n12\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n",
                "origin\n12\n" + Base64.getEncoder().encodeToString(new byte[32]))) {
            assertThrows(VerificationException.class, () -> Checkpoint.parse(body), body);
        }
    }

    /** A verifier key whose base64 holds '+' (one key in two) reads back: only the first two '+' separate fields. */
    @Test
    void a_verifier_key_with_plus_signs_in_its_base64_reads_back() throws Exception {
        String name = "gestan.test/access-journal";
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 0; i < 500 && !MerkleLog.verifierKey(name, key.getPublic()).substring(name.length() + 10).contains("+"); i++) {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        String vkey = MerkleLog.verifierKey(name, key.getPublic());
        assertTrue(vkey.substring(name.length() + 10).contains("+"), vkey);
        assertEquals(key.getPublic(), MerkleLog.parseVerifierKey(vkey).getValue());
    }

    /**
     * The published key set: two keys, each verifying the checkpoints of its period; a third key, unknown to the set,
     * and the first key signing a tree larger than its period are refused; the text reads back to the same set.
     */
    @Test
    void a_key_set_picks_each_checkpoints_key_by_its_id_and_period() throws Exception {
        String name = "gestan.test/access-journal";
        KeyPair first = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair second = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        MerkleLog.KeySet keys = MerkleLog.KeySet.parse(new MerkleLog.KeySet(List.of(
                new MerkleLog.PublishedKey(name, MerkleLog.keyHash(name, first.getPublic()), first.getPublic(), 0, 10, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
                new MerkleLog.PublishedKey(name, MerkleLog.keyHash(name, second.getPublic()), second.getPublic(), 10, -1, "2026-02-01T00:00:00Z", null)))
                .text());
        byte[] root = MerkleLog.sha256("r".getBytes(StandardCharsets.UTF_8));
        assertEquals(7, keys.open(MerkleLog.sign(new Checkpoint(name, 7, root).body(), name, first.getPrivate(), first.getPublic())).size());
        assertEquals(10, keys.open(MerkleLog.sign(new Checkpoint(name, 10, root).body(), name, first.getPrivate(), first.getPublic())).size());
        assertEquals(10, keys.open(MerkleLog.sign(new Checkpoint(name, 10, root).body(), name, second.getPrivate(), second.getPublic())).size());
        assertEquals(99, keys.open(MerkleLog.sign(new Checkpoint(name, 99, root).body(), name, second.getPrivate(), second.getPublic())).size());
        VerificationException late = assertThrows(VerificationException.class,
                () -> keys.open(MerkleLog.sign(new Checkpoint(name, 11, root).body(), name, first.getPrivate(), first.getPublic())));
        assertTrue(late.getMessage().contains("outside its period"), late.getMessage());
        VerificationException early = assertThrows(VerificationException.class,
                () -> keys.open(MerkleLog.sign(new Checkpoint(name, 9, root).body(), name, second.getPrivate(), second.getPublic())));
        assertTrue(early.getMessage().contains("outside its period"), early.getMessage());
        VerificationException unknown = assertThrows(VerificationException.class,
                () -> keys.open(MerkleLog.sign(new Checkpoint(name, 50, root).body(), name, stranger.getPrivate(), stranger.getPublic())));
        assertTrue(unknown.getMessage().contains("not in the published key set"), unknown.getMessage());
        assertEquals(List.of(HexFormat.of().formatHex(MerkleLog.keyHash(name, first.getPublic())),
                HexFormat.of().formatHex(MerkleLog.keyHash(name, second.getPublic()))), keys.keys().stream().map(MerkleLog.PublishedKey::id).toList());
        assertEquals("2026-02-01T00:00:00Z", keys.keys().get(0).retiredAt());
        // the newest key's verifier key read from the text alone is the one the set's newest key makes
        assertEquals(MerkleLog.verifierKey(name, second.getPublic()), MerkleLog.KeySet.newestVerifierKey(keys.text()));
        assertEquals(MerkleLog.verifierKey(keys.newest().name(), keys.newest().key()), MerkleLog.KeySet.newestVerifierKey(keys.text()));
        assertEquals(MerkleLog.verifierKey(name, first.getPublic()),
                MerkleLog.KeySet.newestVerifierKey(MerkleLog.KeySet.of(name, first.getPublic()).text() + "\r\n# a comment\n\n"));
        assertNull(MerkleLog.KeySet.newestVerifierKey(MerkleLog.KeySet.HEADER + "\n"));
    }
}

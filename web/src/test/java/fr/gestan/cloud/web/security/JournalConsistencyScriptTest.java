package fr.gestan.cloud.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published in-browser consistency scripts ({@code /journal/journal-consistency-v2.js} and {@code -v3.js}) checked under Node's
 * WebCrypto (skipped where {@code node} is not installed): its RFC 9162 consistency verification agrees with every
 * non-empty consistency vector of transparency-dev/merkle, and its Ed25519 check accepts a checkpoint the server's
 * code signed and refuses an altered one; a checkpoint pasted by hand (CRLF, blanks around, no final newline) still
 * verifies, and text that is no signed note is refused.
 */
class JournalConsistencyScriptTest {

    private static void assumeNode() throws InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        } catch (java.io.IOException noNode) {
            probe = null;
        }
        assumeTrue(probe != null && probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "node is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal-consistency-v2.js", "journal-consistency-v3.js"})
    void the_script_agrees_with_the_published_vectors_and_checks_the_signature(String script, @TempDir Path dir) throws Exception {
        assumeNode();

        String origin = "gestan.test/access-journal";
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 0; i < 200 && !MerkleLog.verifierKey(origin, key.getPublic()).substring(origin.length() + 10).contains("+"); i++) {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); // a key whose base64 has a '+' (one in two)
        }
        String note = MerkleLog.sign(new MerkleLog.Checkpoint(origin, 42, MerkleLog.sha256("root".getBytes(StandardCharsets.UTF_8))).body(),
                origin, key.getPrivate(), key.getPublic());
        Path noteFile = Files.writeString(dir.resolve("checkpoint.txt"), note);
        Path harness = Path.of("src/test/resources/fr/gestan/cloud/web/security/consistency-harness.mjs");
        Process node = new ProcessBuilder("node", harness.toString(), "src/main/webapp/journal/" + script,
                "../ejb/security/src/test/resources/transparency-dev-merkle/consistency", noteFile.toString(),
                MerkleLog.verifierKey(origin, key.getPublic()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, node.exitValue(), out);
        assertTrue(out.matches("(?s).*vectors (\\d{2,}) signature true altered false pasted true unreadable true\\s*"), out);
    }

    /**
     * Version 3 after a key rotation: with the published key set (old key for tree sizes 0 to 50, new key from 50), a
     * checkpoint of each key in its period verifies; the old key signing a larger tree after its period, a key the set
     * does not publish, and the new key's note altered are refused.
     */
    @Test
    void version_3_checks_each_checkpoint_with_the_key_it_names_in_that_keys_period(@TempDir Path dir) throws Exception {
        assumeNode();
        String origin = "gestan.test/access-journal";
        KeyPair old = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair current = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair unknown = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        MerkleLog.KeySet published = new MerkleLog.KeySet(List.of(
                new MerkleLog.PublishedKey(origin, MerkleLog.keyHash(origin, old.getPublic()), old.getPublic(), 0, 50, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"),
                new MerkleLog.PublishedKey(origin, MerkleLog.keyHash(origin, current.getPublic()), current.getPublic(), 50, -1, "2026-06-01T00:00:00Z", null)));
        Path keys = Files.writeString(dir.resolve("journal-keys.txt"), published.text());
        Path before = note(dir, "before", origin, 42, old);
        Path after = note(dir, "after", origin, 120, current);
        Path late = note(dir, "late", origin, 130, old);
        Path foreign = note(dir, "foreign", origin, 140, unknown);
        Path altered = Files.writeString(dir.resolve("altered.txt"), Files.readString(after).replace("\n120\n", "\n121\n"));
        Process node = new ProcessBuilder("node", "src/test/resources/fr/gestan/cloud/web/security/keyset-harness.mjs",
                "src/main/webapp/journal/journal-consistency-v3.js", keys.toString(), before.toString(), after.toString(),
                late.toString(), foreign.toString(), altered.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, node.exitValue(), out);
        assertEquals("verdicts true true false false false", out.strip(), out);
        // The Java verifier (server and offline) gives the same verdicts with the same key set.
        MerkleLog.KeySet parsed = MerkleLog.KeySet.parse(Files.readString(keys));
        assertEquals(42, parsed.open(Files.readString(before)).size());
        assertEquals(120, parsed.open(Files.readString(after)).size());
        for (Path refused : List.of(late, foreign, altered)) {
            assertThrows(MerkleLog.VerificationException.class, () -> parsed.open(Files.readString(refused)), refused.toString());
        }
    }

    private static Path note(Path dir, String name, String origin, long size, KeyPair key) throws Exception {
        return Files.writeString(dir.resolve(name + ".txt"), MerkleLog.sign(new MerkleLog.Checkpoint(origin, size,
                MerkleLog.sha256(name.getBytes(StandardCharsets.UTF_8))).body(), origin, key.getPrivate(), key.getPublic()));
    }
}

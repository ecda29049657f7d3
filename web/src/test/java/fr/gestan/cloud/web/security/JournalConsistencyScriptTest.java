package fr.gestan.cloud.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published in-browser consistency script ({@code /journal/journal-consistency-v2.js}) checked under Node's
 * WebCrypto (skipped where {@code node} is not installed): its RFC 9162 consistency verification agrees with every
 * non-empty consistency vector of transparency-dev/merkle, and its Ed25519 check accepts a checkpoint the server's
 * code signed and refuses an altered one; a checkpoint pasted by hand (CRLF, blanks around, no final newline) still
 * verifies, and text that is no signed note is refused.
 */
class JournalConsistencyScriptTest {

    @Test
    void the_script_agrees_with_the_published_vectors_and_checks_the_signature(@TempDir Path dir) throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        } catch (java.io.IOException noNode) {
            probe = null;
        }
        assumeTrue(probe != null && probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "node is not installed");

        String origin = "gestan.test/access-journal";
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 0; i < 200 && !MerkleLog.verifierKey(origin, key.getPublic()).substring(origin.length() + 10).contains("+"); i++) {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); // a key whose base64 has a '+' (one in two)
        }
        String note = MerkleLog.sign(new MerkleLog.Checkpoint(origin, 42, MerkleLog.sha256("root".getBytes(StandardCharsets.UTF_8))).body(),
                origin, key.getPrivate(), key.getPublic());
        Path noteFile = Files.writeString(dir.resolve("checkpoint.txt"), note);
        Path harness = Path.of("src/test/resources/fr/gestan/cloud/web/security/consistency-harness.mjs");
        Process node = new ProcessBuilder("node", harness.toString(), "src/main/webapp/journal/journal-consistency-v2.js",
                "../ejb/security/src/test/resources/transparency-dev-merkle/consistency", noteFile.toString(),
                MerkleLog.verifierKey(origin, key.getPublic()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, node.exitValue(), out);
        assertTrue(out.matches("(?s).*vectors (\\d{2,}) signature true altered false pasted true unreadable true\\s*"), out);
    }
}

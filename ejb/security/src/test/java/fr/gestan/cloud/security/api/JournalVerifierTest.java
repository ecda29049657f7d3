package fr.gestan.cloud.security.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier.Checkpoint;
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
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain, checkpoints and export format, and the offline verifier run as a single-file program. */
class JournalVerifierTest {

    private static final String TENANT = "552100554";

    private KeyPair key;
    private final List<String[]> entries = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    @BeforeEach
    void chain() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] head = JournalVerifier.GENESIS;
        for (int seq = 1; seq <= 30; seq++) {
            String tenant = seq % 3 == 0 ? TENANT : "732829320";
            String[] e = {Long.toString(seq), Long.toString(1_780_000_000_000_000L + seq), "support.demo", "support", tenant,
                    "SECRET_REVEALED", "db\tadmin\n" + seq, "203.0.113." + seq, "SUCCESS", seq == 7 ? null : "ticket " + seq};
            entries.add(e);
            head = JournalVerifier.link(head, content(e));
            hashes.add(head);
            if (seq % 10 == 0) {
                checkpoints.add(sign(checkpoints.size() + 1, seq, head, key));
            }
        }
    }

    private Checkpoint sign(long number, long seq, byte[] head, KeyPair with) throws Exception {
        byte[] previous = checkpoints.isEmpty() ? JournalVerifier.GENESIS : checkpoints.get(checkpoints.size() - 1).digest();
        String keyId = JournalVerifier.keyId(with.getPublic());
        Checkpoint unsigned = new Checkpoint(number, seq, head, 1_780_000_000_000_000L + seq * 10, previous, keyId, new byte[0]);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(with.getPrivate());
        signer.update(unsigned.payload());
        return new Checkpoint(number, seq, head, unsigned.createdAtMicros(), previous, keyId, signer.sign());
    }

    private static byte[] content(String[] e) {
        return JournalVerifier.entryContent(Long.parseLong(e[0]), Long.parseLong(e[1]), e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9]);
    }

    private String export(String tenant) throws Exception {
        StringWriter out = new StringWriter();
        JournalVerifier.Export.header(out);
        for (Checkpoint c : checkpoints) {
            JournalVerifier.Export.checkpoint(out, c);
        }
        for (int i = 0; i < entries.size(); i++) {
            String[] e = entries.get(i);
            if (tenant == null || tenant.equals(e[4])) {
                JournalVerifier.Export.entry(out, Long.parseLong(e[0]), Long.parseLong(e[1]), e[2], e[3], e[4], e[5], e[6], e[7],
                        e[8], e[9], hashes.get(i));
            } else {
                JournalVerifier.Export.redacted(out, Long.parseLong(e[0]), content(e), hashes.get(i));
            }
        }
        return out.toString();
    }

    private Result verify(String export) throws Exception {
        return JournalVerifier.Export.verify(new BufferedReader(new StringReader(export)), key.getPublic());
    }

    private static String replaceLine(String export, String prefix, String replacement) {
        List<String> lines = new ArrayList<>(export.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                if (replacement == null) {
                    lines.remove(i);
                } else {
                    lines.set(i, replacement.replace("$0", lines.get(i)));
                }
                return String.join("\n", lines) + "\n";
            }
        }
        throw new AssertionError("no line " + prefix);
    }

    @Test
    void an_intact_export_verifies_whole_or_reduced_to_one_tenant() throws Exception {
        Result all = verify(export(null));
        assertTrue(all.ok(), all::toString);
        assertEquals(30, all.entriesChecked());
        assertEquals(3, all.checkpointsChecked());
        String tenant = export(TENANT);
        assertTrue(verify(tenant).ok());
        assertFalse(tenant.contains("732829320"), "other tenants' entries are reduced to digests");
    }

    @Test
    void values_with_tabs_and_line_breaks_cannot_forge_lines() throws Exception {
        String export = export(null);
        assertTrue(export.contains("db\\tadmin\\n1\t"), export);
        assertEquals(1 + 3 + 30, export.lines().count());
    }

    @Test
    void an_edited_entry_is_pinpointed() throws Exception {
        String edited = replaceLine(export(null), "E\t12\t", "$0".replace("$0", "") + export(null).lines()
                .filter(l -> l.startsWith("E\t12\t")).findFirst().orElseThrow().replace("ticket 12", "ticket 13"));
        Result result = verify(edited);
        assertEquals(Problem.ENTRY_ALTERED, result.problem(), result::toString);
        assertEquals(12, result.seq());
    }

    @Test
    void a_deleted_entry_is_pinpointed() throws Exception {
        Result result = verify(replaceLine(export(null), "E\t15\t", null));
        assertEquals(Problem.ENTRY_MISSING, result.problem(), result::toString);
        assertEquals(15, result.seq());
    }

    @Test
    void an_inserted_entry_is_pinpointed() throws Exception {
        String line14 = export(null).lines().filter(l -> l.startsWith("E\t14\t")).findFirst().orElseThrow();
        Result result = verify(replaceLine(export(null), "E\t14\t", "$0\n" + line14.replace("ticket 14", "forged")));
        assertEquals(Problem.ENTRY_OUTSIDE_CHAIN, result.problem(), result::toString);
        assertEquals(14, result.seq());
    }

    @Test
    void a_rewritten_chain_is_caught_by_the_checkpoint() throws Exception {
        // The forger edits entry 5 and recomputes every later hash: only the signed checkpoint at 10 can tell.
        entries.get(4)[9] = "nothing happened";
        byte[] head = hashes.get(3);
        for (int i = 4; i < entries.size(); i++) {
            head = JournalVerifier.link(head, content(entries.get(i)));
            hashes.set(i, head);
        }
        Result result = verify(export(null));
        assertEquals(Problem.CHECKPOINT_MISMATCH, result.problem(), result::toString);
        assertEquals(10, result.seq());
    }

    @Test
    void a_forged_checkpoint_is_refused() throws Exception {
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        checkpoints.set(1, sign(2, 20, hashes.get(19), forger));
        Result result = verify(export(null));
        assertEquals(Problem.CHECKPOINT_FORGED, result.problem(), result::toString);
        assertEquals(20, result.seq());

        checkpoints.set(1, new Checkpoint(2, 20, hashes.get(18), checkpoints.get(0).createdAtMicros() + 1,
                checkpoints.get(0).digest(), JournalVerifier.keyId(key.getPublic()), checkpoints.get(0).signature()));
        assertEquals(Problem.CHECKPOINT_FORGED, verify(export(null)).problem());
    }

    @Test
    void a_replayed_checkpoint_is_refused() throws Exception {
        checkpoints.add(checkpoints.get(0));
        Result result = verify(export(null));
        assertEquals(Problem.CHECKPOINT_REPLAYED, result.problem(), result::toString);
        assertEquals(10, result.seq());
    }

    @Test
    void a_truncated_journal_is_caught_by_a_later_checkpoint() throws Exception {
        String export = export(null);
        for (int seq = 21; seq <= 30; seq++) {
            export = replaceLine(export, "E\t" + seq + "\t", null);
        }
        Result result = verify(export);
        assertEquals(Problem.CHECKPOINT_BEYOND_END, result.problem(), result::toString);
    }

    @Test
    void a_jump_must_land_on_a_signed_checkpoint() throws Exception {
        StringWriter out = new StringWriter();
        JournalVerifier.Export.header(out);
        for (Checkpoint c : checkpoints) {
            JournalVerifier.Export.checkpoint(out, c);
        }
        JournalVerifier.Export.jump(out, 20, hashes.get(19));
        String[] e = entries.get(20);
        JournalVerifier.Export.entry(out, 21, Long.parseLong(e[1]), e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], hashes.get(20));
        Result partial = verify(out.toString());
        assertEquals(Problem.CHECKPOINT_BEYOND_END, partial.problem(), "checkpoint 3 covers entry 30: " + partial);
        Result unanchored = verify(out.toString().replace("J\t20\t", "J\t19\t"));
        assertEquals(Problem.MALFORMED, unanchored.problem(), unanchored::toString);
    }

    @Test
    void the_offline_verifier_runs_as_a_single_file_program_with_the_public_key_alone(@TempDir Path dir) throws Exception {
        Path source = Path.of("src/main/java/fr/gestan/cloud/security/api/JournalVerifier.java");
        Path export = dir.resolve("journal.tsv");
        Path publicKey = dir.resolve("journal-public-key.pem");
        Files.writeString(export, export(TENANT), StandardCharsets.UTF_8);
        Files.writeString(publicKey, JournalVerifier.publicKeyPem(key.getPublic()), StandardCharsets.US_ASCII);
        assertEquals(0, run(source, export, publicKey, dir));
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("OK: "), Files.readString(dir.resolve("out.txt")));

        Files.writeString(export, export(TENANT).replace("ticket 12", "ticket 21"), StandardCharsets.UTF_8);
        assertEquals(1, run(source, export, publicKey, dir));
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("BROKEN at 12: ENTRY_ALTERED"));
    }

    private static int run(Path source, Path export, Path publicKey, Path dir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), export.toString(), publicKey.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the verifier did not finish");
        return process.exitValue();
    }
}

package fr.gestan.cloud.security.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sigstore-java (the Rekor client of Sigstore) as a second, independent oracle: it must accept the inclusion proofs
 * we generate and parse the checkpoints we sign. Its inclusion check is a private method of {@link RekorVerifier}
 * (the public API also wants a Rekor entry body and a trusted root), reached by reflection.
 */
class SigstoreOracleTest {

    private static final HexFormat HEX = HexFormat.of();

    private static void sigstoreVerifiesInclusion(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) throws Exception {
        RekorEntry.InclusionProof inclusion = inclusionProof(index, size, proof, root, null);
        RekorEntry entry = new RekorEntry() {
            @Override
            public String getBody() {
                return Base64.getEncoder().encodeToString(leaf);
            }

            @Override
            public long getIntegratedTime() {
                return 0;
            }

            @Override
            public String getLogID() {
                return "gestan";
            }

            @Override
            public long getLogIndex() {
                return index;
            }

            @Override
            public RekorEntry.Verification getVerification() {
                return new RekorEntry.Verification() {
                    @Override
                    public String getSignedEntryTimestamp() {
                        return null;
                    }

                    @Override
                    public RekorEntry.InclusionProof getInclusionProof() {
                        return inclusion;
                    }
                };
            }
        };
        Method verify = RekorVerifier.class.getDeclaredMethod("verifyInclusionProof", RekorEntry.class);
        verify.setAccessible(true);
        try {
            verify.invoke(RekorVerifier.newRekorVerifier(List.of()), entry);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static RekorEntry.InclusionProof inclusionProof(long index, long size, List<byte[]> proof, byte[] root, String checkpoint) {
        return new RekorEntry.InclusionProof() {
            @Override
            public List<String> getHashes() {
                return proof.stream().map(HEX::formatHex).toList();
            }

            @Override
            public Long getLogIndex() {
                return index;
            }

            @Override
            public String getRootHash() {
                return HEX.formatHex(root);
            }

            @Override
            public Long getTreeSize() {
                return size;
            }

            @Override
            public String getCheckpoint() {
                return checkpoint;
            }
        };
    }

    @Test
    void sigstore_accepts_our_inclusion_proofs_and_refuses_altered_ones() throws Exception {
        MerkleLogTest.Tree tree = new MerkleLogTest.Tree();
        List<byte[]> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = ("gestan-journal-entry-v2 " + i).getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            tree.add(leaf);
        }
        int checked = 0;
        for (long size : new long[] {1, 2, 3, 7, 8, 9, 255, 256, 257, 300}) {
            byte[] root = MerkleLog.root(size, tree.source());
            for (long index = 0; index < size; index += 1 + size / 11) {
                List<byte[]> proof = MerkleLog.inclusionProof(index, size, tree.source());
                sigstoreVerifiesInclusion(leaves.get((int) index), index, size, proof, root);
                checked++;
                if (!proof.isEmpty()) {
                    List<byte[]> altered = new java.util.ArrayList<>(proof);
                    byte[] node = altered.get(0).clone();
                    node[31] ^= 1;
                    altered.set(0, node);
                    long i = index;
                    assertThrows(Exception.class, () -> sigstoreVerifiesInclusion(leaves.get((int) i), i, size, altered, root));
                }
            }
        }
        assertTrue(checked > 50);
    }

    @Test
    void sigstore_parses_our_checkpoints_and_their_signature_verifies() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String origin = "gestan.example/access-journal";
        byte[] root = MerkleLog.sha256(new byte[] {7});
        String note = MerkleLog.sign(new MerkleLog.Checkpoint(origin, 4242, root).body(), origin, key.getPrivate(), key.getPublic());

        RekorEntry.Checkpoint parsed = inclusionProof(0, 4242, List.of(), root, note).parsedCheckpoint();
        assertEquals(origin, parsed.getOrigin());
        assertEquals(4242L, parsed.getSize());
        assertEquals(Base64.getEncoder().encodeToString(root), parsed.getBase64Hash());
        assertEquals(1, parsed.getSignatures().size());
        RekorEntry.CheckpointSignature signature = parsed.getSignatures().get(0);
        assertEquals(origin, signature.getIdentity());
        assertArrayEquals(MerkleLog.keyHash(origin, key.getPublic()), signature.getKeyHint());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.getPublic());
        verifier.update(parsed.getSignedData().getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature.getSignature()), "the signature sigstore extracted verifies over the text it extracted");
    }
}

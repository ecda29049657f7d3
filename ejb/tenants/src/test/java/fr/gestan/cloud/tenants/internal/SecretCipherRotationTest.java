package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.keys.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted-account key ring: ids in the ciphertexts, rotation, old values still readable. */
class SecretCipherRotationTest {

    private static final String REF = "hosted-account:jmartin.842317653";

    @Test
    void a_rotation_makes_a_new_key_active_and_keeps_the_old_ones_for_reading(@TempDir Path dir) {
        Path initial = dir.resolve("data/hosted-accounts.key");
        KeyRing ring = new KeyRing(dir.resolve("keys/hosted-accounts"), SecretCipher.SUFFIX);
        SecretCipher before = SecretCipher.load(initial, ring);
        assertTrue(Files.exists(initial), "no key anywhere: the initial key is generated, as before rings");
        String initialId = before.activeId();
        assertEquals(initialId, before.initialId());
        char[] secret = "Kq7#mZp9xW2@vTe".toCharArray();
        byte[] old = before.encrypt(secret, REF);
        assertEquals(initialId, SecretCipher.keyIdOf(old), "the ciphertext names its key");

        String rotated = SecretCipher.rotate(ring);
        assertNotEquals(initialId, rotated);
        SecretCipher after = SecretCipher.load(initial, ring);
        assertEquals(rotated, after.activeId());
        assertEquals(List.of(initialId, rotated), after.members().stream().map(SecretCipher.Member::id).toList());
        byte[] fresh = after.encrypt(secret, REF);
        assertEquals(rotated, SecretCipher.keyIdOf(fresh), "new secrets use the new key");
        assertArrayEquals(secret, after.decrypt(old, REF), "old secrets still open");
        assertArrayEquals(secret, after.decrypt(fresh, REF));
        assertThrows(IllegalStateException.class, () -> before.decrypt(fresh, REF), "a ring without the new key cannot open it");
        byte[] truncated = java.util.Arrays.copyOf(fresh, 5);
        assertNull(SecretCipher.keyIdOf(truncated));
        assertThrows(IllegalStateException.class, () -> after.decrypt(truncated, REF), "a cut value is refused, not misread");

        String third = SecretCipher.rotate(ring);
        SecretCipher later = SecretCipher.load(initial, ring);
        assertEquals(third, later.activeId());
        assertArrayEquals(secret, later.decrypt(old, REF));
        assertArrayEquals(secret, later.decrypt(fresh, REF));
    }

    @Test
    void values_written_before_key_ids_still_open_with_the_key_that_made_them(@TempDir Path dir) throws Exception {
        Path initial = dir.resolve("hosted-accounts.key");
        KeyRing ring = new KeyRing(dir.resolve("keys"), SecretCipher.SUFFIX);
        SecretKey key = SecretCipher.loadOrCreate(initial);
        byte[] formatOne = formatOne(key, "Kq7#mZp9xW2@vTe");
        assertNull(SecretCipher.keyIdOf(formatOne));
        SecretCipher.rotate(ring);
        SecretCipher.rotate(ring);
        SecretCipher ringOfThree = SecretCipher.load(initial, ring);
        assertEquals(3, ringOfThree.members().size());
        assertArrayEquals("Kq7#mZp9xW2@vTe".toCharArray(), ringOfThree.decrypt(formatOne, REF));
        assertThrows(IllegalStateException.class, () -> ringOfThree.decrypt(formatOne, "hosted-account:other.842317653"),
                "still bound to its account");
    }

    @Test
    void a_ring_without_its_initial_file_works_from_the_ring_alone(@TempDir Path dir) {
        KeyRing ring = new KeyRing(dir.resolve("keys"), SecretCipher.SUFFIX);
        String id = SecretCipher.rotate(ring);
        SecretCipher cipher = SecretCipher.load(dir.resolve("absent.key"), ring);
        assertEquals(id, cipher.activeId());
        assertNull(cipher.initialId());
        assertTrue(Files.notExists(dir.resolve("absent.key")), "the ring has keys: no initial key is generated");
    }

    /** A value as the cipher wrote it before key ids: {@code 1 | IV | ciphertext + tag}. */
    private static byte[] formatOne(SecretKey key, String secret) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(REF.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
    }
}

package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretGeneratorTest {

    private static final String LOOK_ALIKES = "0OoIl1|'\"` ";

    @Test
    void the_alphabet_has_no_look_alikes_and_every_class() {
        SecretGenerator generator = new SecretGenerator(new SecureRandom(), 12, 4);
        for (char c : LOOK_ALIKES.toCharArray()) {
            assertEquals(-1, generator.alphabet().indexOf(c), "look-alike in the alphabet: " + c);
        }
        assertEquals(67, generator.alphabet().length());
        assertEquals(generator.alphabet().length(), generator.alphabet().chars().distinct().count(), "no duplicates");
    }

    @Test
    void the_length_grows_until_90_bits_and_follows_the_policy() {
        SecretGenerator four = new SecretGenerator(new SecureRandom(), 12, 4);
        assertTrue(four.entropyBits() >= 90, "entropy " + four.entropyBits());
        assertTrue(four.entropyBits(four.length() - 1) < 90, "not longer than needed");
        assertEquals(15, four.length());
        SecretGenerator three = new SecretGenerator(new SecureRandom(), 12, 3);
        assertEquals(56, three.alphabet().length(), "letters and digits only");
        assertEquals(16, three.length());
        assertTrue(three.entropyBits() >= 90);
        SecretGenerator longer = new SecretGenerator(new SecureRandom(), 24, 4);
        assertEquals(24, longer.length(), "a longer policy length wins");
        assertThrows(IllegalArgumentException.class, () -> new SecretGenerator(new SecureRandom(), 12, 5));
    }

    @Test
    void secrets_use_the_alphabet_hold_every_class_and_never_repeat_over_100000_draws() {
        SecretGenerator generator = new SecretGenerator(new SecureRandom(), 12, 4);
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            char[] secret = generator.next();
            assertEquals(generator.length(), secret.length);
            assertTrue(generator.holdsEveryClass(secret));
            for (char c : secret) {
                assertTrue(generator.alphabet().indexOf(c) >= 0, "outside the alphabet: " + c);
                counts.merge(c, 1, Integer::sum);
            }
            assertTrue(seen.add(new String(secret)), "a secret repeated");
        }
        // Empirical Shannon entropy per character, close to log2(67) = 6.066 for a uniform draw.
        double total = (double) draws * generator.length();
        double h = 0;
        for (int n : counts.values()) {
            double p = n / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        assertEquals(generator.alphabet().length(), counts.size(), "every character is drawn");
        assertTrue(h > 6.0, "per-character entropy " + h);
        assertTrue(h * generator.length() >= 90, "estimated entropy " + h * generator.length());
    }

    @Test
    void the_cipher_round_trips_binds_the_account_and_hides_the_plaintext(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("sub/hosted-accounts.key");
        SecretCipher cipher = new SecretCipher(SecretCipher.loadOrCreate(keyFile));
        assertTrue(Files.exists(keyFile), "the key is generated on first use");
        char[] secret = "Kq7#mZp9xW2@vTe".toCharArray();
        byte[] stored = cipher.encrypt(secret, "hosted-account:jmartin.842317653");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Kq7#mZp9xW2@vTe"));
        assertArrayEquals(secret, cipher.decrypt(stored, "hosted-account:jmartin.842317653"));
        byte[] again = cipher.encrypt(secret, "hosted-account:jmartin.842317653");
        assertFalse(java.util.Arrays.equals(stored, again), "a fresh IV each time");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "hosted-account:other.842317653"));
        stored[stored.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "hosted-account:jmartin.842317653"));
        SecretCipher sameKey = new SecretCipher(SecretCipher.loadOrCreate(keyFile));
        assertArrayEquals(secret, sameKey.decrypt(again, "hosted-account:jmartin.842317653"), "the key file is reused");
    }

    @Test
    void logins_are_short_ascii_and_carry_the_siren() {
        assertEquals("jmartin.842317653", HostedAccount.loginFor("Jeanne Martin", "842317653", 1));
        assertEquals("elefevre.842317653", HostedAccount.loginFor("Élodie Lefèvre", "842317653", 1));
        assertEquals("jmartin2.842317653", HostedAccount.loginFor("Jeanne Martin", "842317653", 2));
        assertEquals("msmith.842317653", HostedAccount.loginFor("Marie Montgomery-Smith", "842317653", 1));
        assertEquals("mmontgomer.842317653", HostedAccount.loginFor("Marie Montgomeryson", "842317653", 1));
        assertTrue(HostedAccount.loginFor("Marie Montgomery Smithson", "842317653", 12).length() <= 20);
    }
}

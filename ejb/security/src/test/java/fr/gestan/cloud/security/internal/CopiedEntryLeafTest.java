package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verification's fast paths against the published definitions: {@link HmacSha256} against the JDK's
 * {@code HmacSHA256}, and the leaves {@link CopiedEntryLeaf} encodes from binary {@code COPY} rows (built here as
 * PostgreSQL sends them) against {@link JournalVerifier#entryV2Leaf} and {@link JournalVerifier#entryV1Leaf}.
 */
class CopiedEntryLeafTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    @Test
    void hmac_with_precomputed_pads_equals_the_jdk_mac_for_any_key_and_message_length() throws Exception {
        Random random = new Random(42);
        for (int keyLength : new int[] {0, 1, 31, 32, 63, 64, 65, 100, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha256 ours = new HmacSha256(key);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(keyLength == 0 ? new byte[1] : key, "HmacSHA256"));
            for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 150, 1000}) {
                byte[] data = new byte[length + 7];
                random.nextBytes(data);
                byte[] out = new byte[40];
                ours.mac(data, 3, length, out, 5);
                byte[] expected = keyLength == 0 ? emptyKeyMac(data, 3, length) : jdkMac(jdk, data, 3, length);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(out, 5, 37), "key " + keyLength + ", message " + length);
            }
        }
    }

    @Test
    void v2_leaf_hash_and_mac_from_a_binary_row_equal_the_published_encoding() throws Exception {
        String[][] cases = {
                {"support.demo", "support", "552100554", "SECRET_REVEALED", "db-admin@erp-1", "203.0.113.1", "SUCCESS", "ticket GC-1"},
                {"a", "b", null, "c", null, null, "FAILURE", null},
                {"é€😀 ünïcode", "rôle", "", "tab\there", "line\nbreak\r", "back\\slash \\N", "REFUSED", "x".repeat(1000)},
                {"a".repeat(100), "b".repeat(9), "c".repeat(10), "d".repeat(99), "e".repeat(300), "f".repeat(999), "SUCCESS", "g".repeat(12345)},
        };
        for (long micros : new long[] {1_764_000_000_123_456L, 0, -1, -10, -1_000_000_000_123L, 5, 10, Long.MIN_VALUE + PG_EPOCH_MICROS}) {
            for (String[] f : cases) {
                String mac = LogLeaves.mac(KEY, JournalVerifier.entryV2Payload(micros, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
                byte[] expected = MerkleLog.leafHash(JournalVerifier.entryV2Leaf(micros, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], mac));
                assertLeaf(expected, true, micros, f, mac);
                assertLeaf(expected, false, micros, f, mac.substring(1) + "0"); // another MAC: another leaf, not valid
                assertLeaf(expected, false, micros, f, mac.toUpperCase()); // the MAC is compared as written: lower-case hex
                assertLeaf(expected, false, micros, f, null);
            }
        }
    }

    private static void assertLeaf(byte[] validLeaf, boolean valid, long micros, String[] f, String mac) throws Exception {
        BinaryCopyRow row = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
        assertTrue(row.split(entryRow(true, 7, null, micros, f, null, mac)));
        byte[] out = new byte[64];
        boolean macValid = new CopiedEntryLeaf(KEY).v2LeafHash(row, out, 16);
        assertEquals(valid, macValid, mac);
        String[] all = {f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]};
        byte[] leaf = MerkleLog.leafHash(JournalVerifier.entryV2Leaf(micros, all[0], all[1], all[2], all[3], all[4], all[5], all[6], all[7], mac));
        assertArrayEquals(leaf, java.util.Arrays.copyOfRange(out, 16, 48));
        if (valid) {
            assertArrayEquals(validLeaf, leaf);
        }
    }

    /** After a MAC key rotation: each row's MAC is checked with the key it names (none: the initial key). */
    @Test
    void a_row_is_checked_with_the_mac_key_it_names() throws Exception {
        byte[] rotated = "fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JournalMacKey ring = JournalMacKey.of(KEY, rotated);
        String[] f = {"support.demo", "support", "552100554", "SECRET_REVEALED", "db", "203.0.113.1", "SUCCESS", null};
        long micros = 1_764_000_000_123_456L;
        String oldMac = LogLeaves.mac(KEY, JournalVerifier.entryV2Payload(micros, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
        String newMac = LogLeaves.mac(rotated, JournalVerifier.entryV2Payload(micros, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
        String newId = JournalMacKey.idOf(rotated);
        Object[][] cases = {
                {oldMac, null, true}, {oldMac, JournalMacKey.idOf(KEY), true}, {newMac, newId, true},
                {newMac, null, false}, {oldMac, newId, false}, {newMac, "00112233445566aa", false},
        };
        CopiedEntryLeaf leaves = new CopiedEntryLeaf(ring);
        for (Object[] c : cases) {
            BinaryCopyRow row = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
            assertTrue(row.split(entryRow(true, 9, null, micros, f, null, (String) c[0], (String) c[1])));
            assertEquals(c[2], leaves.v2LeafHash(row, new byte[32], 0), c[0] + " named " + c[1]);
        }
    }

    @Test
    void legacy_leaf_from_a_binary_row_equals_the_v1_encoding() throws Exception {
        String[] f = {"support.demo", "support", "552100554", "SECRET_REVEALED", null, "203.0.113.1", "SUCCESS", "é"};
        for (Long seq : new Long[] {null, 0L, 41L}) {
            BinaryCopyRow row = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
            assertTrue(row.split(entryRow(true, 3, seq, 1_700_000_000_000_001L, f, "ab12", null)));
            assertArrayEquals(JournalVerifier.entryV1Leaf(seq, 1_700_000_000_000_001L, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]),
                    CopiedEntryLeaf.legacyLeaf(row));
            assertEquals("ab12", CopiedEntryLeaf.chainHash(row));
            assertEquals(3, row.number(CopiedEntryLeaf.ID));
        }
    }

    @Test
    void the_binary_stream_header_trailer_and_malformed_rows() throws Exception {
        BinaryCopyRow row = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
        String[] f = {"a", "b", "c", "d", "e", "f", "g", "h"};
        assertThrows(SQLException.class, () -> row.split(entryRow(false, 1, null, 0, f, null, null)), "no header");
        assertTrue(row.split(entryRow(true, 1, null, 0, f, null, null)));
        assertTrue(row.split(entryRow(false, 2, null, 0, f, null, null)));
        assertEquals(2, row.number(CopiedEntryLeaf.ID));
        assertFalse(row.split(new byte[] {(byte) 0xff, (byte) 0xff}), "the trailer");
        byte[] extra = entryRow(false, 3, null, 0, f, null, null);
        assertThrows(SQLException.class, () -> row.split(java.util.Arrays.copyOf(extra, extra.length + 1)), "bytes after the fields");
        BinaryCopyRow three = new BinaryCopyRow(3);
        assertThrows(SQLException.class, () -> three.split(entryRow(true, 1, null, 0, f, null, null)), "field count");
        BinaryCopyRow empty = new BinaryCopyRow(3);
        byte[] headerAndTrailer = header();
        headerAndTrailer = java.util.Arrays.copyOf(headerAndTrailer, headerAndTrailer.length + 2);
        headerAndTrailer[headerAndTrailer.length - 1] = (byte) 0xff;
        headerAndTrailer[headerAndTrailer.length - 2] = (byte) 0xff;
        assertFalse(empty.split(headerAndTrailer), "an empty COPY: header and trailer in one message");
    }

    /** The leaves' row: bigint arrays in PostgreSQL's binary array format; null and malformed ones. */
    @Test
    void bigint_arrays_of_a_binary_row() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(header());
        out.writeShort(3);
        int8Array(out, new Long[] {0L, 1L, -5L, Long.MAX_VALUE});
        out.writeInt(-1); // array_agg of no row
        int8Array(out, new Long[] {7L, null});
        BinaryCopyRow row = new BinaryCopyRow(3);
        assertTrue(row.split(bytes.toByteArray()));
        assertArrayEquals(new long[] {0, 1, -5, Long.MAX_VALUE}, row.int8Array(0));
        assertEquals(null, row.int8Array(1));
        assertThrows(SQLException.class, () -> row.int8Array(2), "a null element");
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(other);
        o.write(header());
        o.writeShort(1);
        o.writeInt(28);
        o.writeInt(1);
        o.writeInt(0);
        o.writeInt(23); // integer[], not bigint[]
        o.writeInt(1);
        o.writeInt(1);
        o.writeInt(4);
        o.writeInt(7);
        BinaryCopyRow one = new BinaryCopyRow(1);
        assertTrue(one.split(other.toByteArray()));
        assertThrows(SQLException.class, () -> one.int8Array(0), "another element type");
    }

    private static void int8Array(DataOutputStream out, Long[] values) throws IOException {
        int nulls = (int) java.util.Arrays.stream(values).filter(java.util.Objects::isNull).count();
        out.writeInt(20 + 12 * values.length - 8 * nulls);
        out.writeInt(1); // dimensions
        out.writeInt(nulls > 0 ? 1 : 0);
        out.writeInt(20); // int8
        out.writeInt(values.length);
        out.writeInt(1); // lower bound
        for (Long v : values) {
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(8);
                out.writeLong(v);
            }
        }
    }

    /** A CopyData message of a binary COPY of {@link CopiedEntryLeaf#COLUMNS}, as PostgreSQL writes one. */
    private static byte[] entryRow(boolean header, long id, Long seq, long micros, String[] texts, String entryHash, String mac)
            throws IOException {
        return entryRow(header, id, seq, micros, texts, entryHash, mac, null);
    }

    private static byte[] entryRow(boolean header, long id, Long seq, long micros, String[] texts, String entryHash, String mac,
                                   String macKeyId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        if (header) {
            out.write(header());
        }
        out.writeShort(CopiedEntryLeaf.FIELDS);
        out.writeInt(8);
        out.writeLong(id);
        if (seq == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(8);
            out.writeLong(seq);
        }
        out.writeInt(8);
        out.writeLong(micros - PG_EPOCH_MICROS);
        for (String text : texts) {
            text(out, text);
        }
        text(out, entryHash);
        text(out, mac);
        text(out, macKeyId);
        return bytes.toByteArray();
    }

    private static byte[] header() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(3); // a header extension, skipped
        out.write(new byte[] {1, 2, 3});
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static byte[] jdkMac(Mac jdk, byte[] data, int from, int length) {
        jdk.update(data, from, length);
        return jdk.doFinal();
    }

    /** RFC 2104 by hand for the empty key (which {@code SecretKeySpec} refuses): pads of zero bytes. */
    private static byte[] emptyKeyMac(byte[] data, int from, int length) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        java.util.Arrays.fill(ipad, (byte) 0x36);
        java.util.Arrays.fill(opad, (byte) 0x5c);
        sha.update(ipad);
        sha.update(data, from, length);
        byte[] inner = sha.digest();
        sha.update(opad);
        sha.update(inner);
        return sha.digest();
    }
}

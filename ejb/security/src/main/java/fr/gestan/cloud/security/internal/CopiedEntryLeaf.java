package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The leaf of a journal entry read as a binary {@code COPY} row of {@link #COLUMNS}: v2 leaves encoded straight
 * from the row's bytes into a reused buffer (the canonical encoding is {@code <UTF-8 length>:<bytes>;} per field,
 * {@code -;} for null; the same bytes as {@link JournalVerifier#entryV2Leaf}), MAC and leaf hash each from a copy
 * of a digest never used itself, nothing else allocated per row. A copy instead of a reset: the JDK's reset branches
 * on whether the digest ever ran its Java compression (a fresh one does not once SHA-256 is compiled), so a second
 * verification's new digests made the compiled loop fall back to the interpreter and be compiled again
 * (docs/security.md, "Benchmark"). The buffer starts with the leaf hash's
 * {@code 0x00} prefix, so that the MAC and the leaf hash each take the bytes in one {@code update} (one call into the
 * digest's multi-block intrinsic, no byte held back and shifted). Legacy (v1) rows go through
 * {@link JournalVerifier#entryV1Leaf}. Not thread-safe.
 */
final class CopiedEntryLeaf {

    /** The entry columns, in the order the indexes below name them. */
    static final String COLUMNS = "e.id, e.seq, e.occurred_at, e.actor, e.actor_role, e.tenant_ref, e.action, e.target, "
            + "e.source_ip, e.outcome, e.reason, e.entry_hash, e.mac, e.mac_key";
    static final int FIELDS = 14;
    static final int ID = 0;
    private static final int SEQ = 1;
    private static final int OCCURRED_AT = 2;
    /** actor … reason: the texts of the encoding, in its order. */
    private static final int FIRST_TEXT = 3;
    private static final int LAST_TEXT = 10;
    private static final int ENTRY_HASH = 11;
    private static final int MAC = 12;
    private static final int MAC_KEY = 13;

    private static final byte[] V2_TAG = JournalVerifier.canonical(JournalVerifier.ENTRY_V2_TAG);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The ring's keys: their ids (ASCII) and HMACs, the initial key's first (entries without key id). */
    private final byte[][] keyIds;
    private final HmacSha256[] hmacs;
    private final int initial;
    /** Never updated: each leaf hash starts from a copy. */
    private final MessageDigest sha;
    private final byte[] macOut = new byte[HmacSha256.LENGTH];
    private final byte[] macHex = new byte[2 * HmacSha256.LENGTH];
    private final byte[] digits = new byte[20];
    private byte[] buf = new byte[1024];
    private int length;

    CopiedEntryLeaf(byte[] macKey) {
        this(JournalMacKey.single(macKey));
    }

    CopiedEntryLeaf(JournalMacKey keys) {
        List<JournalMacKey.Member> members = keys.members();
        this.keyIds = new byte[members.size()][];
        this.hmacs = new HmacSha256[members.size()];
        int found = -1;
        for (int i = 0; i < members.size(); i++) {
            keyIds[i] = members.get(i).id().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            hmacs[i] = new HmacSha256(members.get(i).key());
            if (members.get(i).id().equals(keys.initialId())) {
                found = i;
            }
        }
        this.initial = found;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the v2 leaf hash of the row's entry at {@code out[at]}; true if the entry's MAC is valid. */
    boolean v2LeafHash(BinaryCopyRow row, byte[] out, int at) {
        buf[0] = 0x00; // RFC 9162 leaf prefix; the leaf itself starts at buf[1]
        length = 1;
        append(V2_TAG, 0, V2_TAG.length);
        appendDecimal(row.epochMicros(OCCURRED_AT));
        for (int k = FIRST_TEXT; k <= LAST_TEXT; k++) {
            appendField(row, k);
        }
        HmacSha256 hmac = hmacOf(row);
        boolean valid = false;
        if (hmac != null) {
            hmac.mac(buf, 1, length - 1, macOut, 0);
            for (int i = 0; i < macOut.length; i++) {
                macHex[2 * i] = HEX[(macOut[i] >> 4) & 0xf];
                macHex[2 * i + 1] = HEX[macOut[i] & 0xf];
            }
            valid = !row.isNull(MAC) && Arrays.equals(row.row, row.start(MAC), row.start(MAC) + row.length(MAC),
                    macHex, 0, macHex.length);
        }
        appendField(row, MAC);
        try {
            MessageDigest leaf = (MessageDigest) sha.clone();
            leaf.update(buf, 0, length);
            leaf.digest(out, at, MerkleLog.HASH_SIZE);
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException(e);
        }
        return valid;
    }

    /** The HMAC of the key the row names (no id: the initial key), compared byte for byte; null when unknown. */
    private HmacSha256 hmacOf(BinaryCopyRow row) {
        if (row.isNull(MAC_KEY)) {
            return initial < 0 ? null : hmacs[initial];
        }
        int start = row.start(MAC_KEY);
        int end = start + row.length(MAC_KEY);
        for (int i = 0; i < keyIds.length; i++) {
            if (Arrays.equals(row.row, start, end, keyIds[i], 0, keyIds[i].length)) {
                return hmacs[i];
            }
        }
        return null;
    }

    /** The v1 leaf of a legacy entry (written before the log, with its chain position if it has one). */
    static byte[] legacyLeaf(BinaryCopyRow row) {
        Long seq = row.isNull(SEQ) ? null : row.number(SEQ);
        return JournalVerifier.entryV1Leaf(seq, row.epochMicros(OCCURRED_AT), row.text(3), row.text(4), row.text(5),
                row.text(6), row.text(7), row.text(8), row.text(9), row.text(10));
    }

    /** The legacy entry's chain hash (hex), or null. */
    static String chainHash(BinaryCopyRow row) {
        return row.text(ENTRY_HASH);
    }

    /** Appends the field's canonical encoding (as {@link JournalVerifier#canonical}). */
    private void appendField(BinaryCopyRow row, int k) {
        if (row.isNull(k)) {
            ensure(2);
            buf[length++] = '-';
            buf[length++] = ';';
            return;
        }
        int n = row.length(k);
        ensure(n + 12);
        length += writeDecimal(n, buf, length);
        buf[length++] = ':';
        System.arraycopy(row.row, row.start(k), buf, length, n);
        length += n;
        buf[length++] = ';';
    }

    /**
     * Appends a number field as {@code Long.toString} writes it: {@code <digits length>:<digits>;}. The digits are
     * written once, from the last, into a scratch buffer (this ran second in the verification's profile when the
     * digits were counted and then written, both by long divisions).
     */
    private void appendDecimal(long value) {
        int at = digits.length;
        long v = value;
        do {
            digits[--at] = (byte) ('0' + Math.abs(v % 10));
            v /= 10;
        } while (v != 0);
        if (value < 0) {
            digits[--at] = '-';
        }
        int count = digits.length - at;
        ensure(count + 4);
        length += writeDecimal(count, buf, length);
        buf[length++] = ':';
        System.arraycopy(digits, at, buf, length, count);
        length += count;
        buf[length++] = ';';
    }

    private void append(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buf, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, length + more));
        }
    }

    /** Writes a non-negative int's decimal digits at {@code out[at]}; the count of digits. Field lengths: short. */
    private static int writeDecimal(int value, byte[] out, int at) {
        if (value < 10) {
            out[at] = (byte) ('0' + value);
            return 1;
        }
        if (value < 100) {
            out[at] = (byte) ('0' + value / 10);
            out[at + 1] = (byte) ('0' + value % 10);
            return 2;
        }
        int digits = 3;
        for (int v = value / 1000; v != 0; v /= 10) {
            digits++;
        }
        for (int i = at + digits - 1, v = value; i >= at; i--, v /= 10) {
            out[i] = (byte) ('0' + v % 10);
        }
        return digits;
    }
}

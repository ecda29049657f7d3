package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The leaf data of journal entries read with {@link #COLUMNS}: v1 encoding for entries up to the legacy bound (they
 * predate the log), v2 encoding with its MAC for the others. Plain JDBC, no container.
 */
final class LogLeaves {

    static final String COLUMNS = "e.id, e.seq, e.occurred_at, e.actor, e.actor_role, e.tenant_ref, e.action, e.target, "
            + "e.source_ip, e.outcome, e.reason, e.entry_hash, e.mac, e.mac_key";

    /** One entry's leaf; {@code chainHash} only for legacy entries. */
    record Leaf(long entryId, byte[] data, boolean legacy, boolean macValid, byte[] chainContent, String chainHash) {
    }

    private final JournalMacKey keys;
    /** One HMAC per key id met (the initial key under ""), null for an id the ring does not hold. */
    private final java.util.Map<String, Mac> macs = new java.util.HashMap<>();
    private final long legacyMaxId;

    LogLeaves(byte[] macKey, long legacyMaxId) {
        this(JournalMacKey.single(macKey), legacyMaxId);
    }

    /** With every key of the ring: each entry's MAC checked with the key it names. */
    LogLeaves(JournalMacKey keys, long legacyMaxId) {
        this.keys = keys;
        this.legacyMaxId = legacyMaxId;
    }

    /** The HMAC of the key an entry names ({@code null}: the initial key); null when the ring has no such key. */
    private Mac macOf(String keyId) {
        return macs.computeIfAbsent(keyId == null ? "" : keyId, id -> {
            byte[] key = keys.key(keyId);
            if (key == null) {
                return null;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String mac(byte[] key, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return JournalVerifier.hex(hmac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the entry at the current row; columns start at {@code first} (1-based) in {@link #COLUMNS}' order. */
    Leaf read(ResultSet rs, int first) throws SQLException {
        long id = rs.getLong(first);
        long micros = JournalEntry.micros(rs.getObject(first + 2, OffsetDateTime.class).toInstant());
        String actor = rs.getString(first + 3);
        String role = rs.getString(first + 4);
        String tenant = rs.getString(first + 5);
        String action = rs.getString(first + 6);
        String target = rs.getString(first + 7);
        String ip = rs.getString(first + 8);
        String outcome = rs.getString(first + 9);
        String reason = rs.getString(first + 10);
        if (id <= legacyMaxId) {
            long seq = rs.getLong(first + 1);
            Long position = rs.wasNull() ? null : seq;
            byte[] data = JournalVerifier.entryV1Leaf(position, micros, actor, role, tenant, action, target, ip, outcome, reason);
            return new Leaf(id, data, true, false, JournalVerifier.sha256(data), rs.getString(first + 11));
        }
        String stored = rs.getString(first + 12);
        byte[] payload = JournalVerifier.entryV2Payload(micros, actor, role, tenant, action, target, ip, outcome, reason);
        Mac mac = macOf(rs.getString(first + 13));
        boolean valid = stored != null && mac != null && MessageDigest.isEqual(
                JournalVerifier.hex(mac.doFinal(payload)).getBytes(), stored.getBytes());
        // The canonical encoding is field after field: the leaf is the MAC'd payload followed by the MAC's field
        // (the same bytes as JournalVerifier.entryV2Leaf, encoded once; verification reads a million of them).
        byte[] macField = JournalVerifier.canonical(stored);
        byte[] data = java.util.Arrays.copyOf(payload, payload.length + macField.length);
        System.arraycopy(macField, 0, data, payload.length, macField.length);
        return new Leaf(id, data, false, valid, null, null);
    }
}

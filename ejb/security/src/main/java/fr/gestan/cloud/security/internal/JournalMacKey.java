package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.keys.CurrentKeys;
import fr.gestan.cloud.common.keys.KeyFiles;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.RingMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The secret keys of the journal entries' MACs (HMAC-SHA256, 32 bytes, base64 in a file), a {@link KeyRing}
 * ({@value #PURPOSE}) like the other keys of the product. Like the signing keys they live outside the database, so
 * that rows written around the application (by someone with database rights only) are recognised. The initial key is
 * the single-file setting: system property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/journal-mac-key}, generated on first use with owner-only permissions
 * ({@link KeyFiles}); rotation adds {@code <id>.key} files to the ring's folder. New entries are MAC'd with the active
 * key and record its id ({@code journal_entry.mac_key}; null: the initial key); verification uses the key an entry
 * names. Every node needs the same files; losing a key makes every entry it made look forged.
 */
final class JournalMacKey {

    static final String PURPOSE = "journal-mac";
    static final String SUFFIX = ".key";
    static final String PROPERTY = "gestan.journal.mac-key";
    static final String ENV = "GESTAN_JOURNAL_MAC_KEY";

    private static final Logger LOG = Logger.getLogger(JournalMacKey.class.getName());
    private static final CurrentKeys<JournalMacKey> CURRENT = new CurrentKeys<>(loaded -> loaded.keys);

    /** A key of the ring and the file it came from (null for a key given in code). */
    record Member(String id, byte[] key, Path file) {
    }

    private static final String WHAT = "journal MAC key";

    /** Its initial key is the single-file setting's, which made the entries without key id (null when its file is gone). */
    private final RingMembers<Member> keys;

    private JournalMacKey(Map<String, Member> keys, String activeId, String initialId) {
        this(new RingMembers<>(WHAT, keys, activeId, initialId));
    }

    private JournalMacKey(RingMembers<Member> keys) {
        this.keys = keys;
    }

    /** A ring of one key, the initial one (tests, tools). */
    static JournalMacKey single(byte[] key) {
        String id = idOf(key);
        return new JournalMacKey(Map.of(id, new Member(id, key.clone(), null)), id, id);
    }

    /** A ring of the initial key and keys rotated in after it, the last one active (tests, tools). */
    static JournalMacKey of(byte[] initial, byte[]... rotated) {
        Map<String, Member> keys = new LinkedHashMap<>();
        keys.put(idOf(initial), new Member(idOf(initial), initial.clone(), null));
        String active = idOf(initial);
        for (byte[] key : rotated) {
            active = idOf(key);
            keys.put(active, new Member(active, key.clone(), null));
        }
        return new JournalMacKey(keys, active, idOf(initial));
    }

    /** The configured ring, loaded on first use and again when its active key changed (here or on another node). */
    static JournalMacKey current() {
        return CURRENT.get(ring(), ring -> load(KeyFiles.path(PROPERTY, ENV, "journal-mac-key"), ring));
    }

    static KeyRing ring() {
        return KeyRing.of(PURPOSE, SUFFIX);
    }

    static JournalMacKey load(Path initial, KeyRing ring) {
        return new JournalMacKey(RingMembers.load(WHAT, initial, ring, path -> {
            byte[] key = loadOrCreate(path);
            return new Member(idOf(key), key, path);
        }, (id, file) -> new Member(id, read(file), file), Member::id));
    }

    static byte[] loadOrCreate(Path path) {
        try {
            if (KeyFiles.createIfAbsent(path, newKey())) {
                LOG.warning(() -> "Generated a new journal MAC key at " + path + " (fine for a local run; in production provide "
                        + "the same key file to every node and back it up)");
            }
            return read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal MAC key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the journal MAC key " + path, e);
        }
    }

    private static String newKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return Base64.getEncoder().encodeToString(fresh) + "\n";
    }

    private static byte[] read(Path path) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("the journal MAC key " + path + " is shorter than 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal MAC key " + path, e);
        }
    }

    /**
     * Adds a new key to {@code ring} and makes it active: entries written from now on are MAC'd with it and name it.
     *
     * @return the new key
     */
    static Member rotate(KeyRing ring) {
        try {
            String text = newKey();
            byte[] key = Base64.getDecoder().decode(text.trim());
            String id = idOf(key);
            KeyFiles.createIfAbsent(ring.file(id), text);
            ring.activate(id);
            CURRENT.clear();
            return current().keys.member(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new journal MAC key in " + ring.folder(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a new journal MAC key in " + ring.folder(), e);
        }
    }

    /** A key's id: from a hash of the key's hash, so that the id tells nothing about the key. */
    static String idOf(byte[] key) {
        try {
            return KeyRing.idOf(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String activeId() {
        return keys.activeId();
    }

    /** The id new entries record ({@code journal_entry.mac_key}). */
    String recordedId() {
        return keys.activeId();
    }

    byte[] activeKey() {
        return keys.active().key().clone();
    }

    /** The key an entry names ({@code null}: the initial key); null when the ring has no such key. */
    byte[] key(String recordedId) {
        String initialId = keys.initialId();
        Member member = keys.member(recordedId == null ? initialId == null ? "" : initialId : recordedId);
        return member == null ? null : member.key();
    }

    String initialId() {
        return keys.initialId();
    }

    List<Member> members() {
        return keys.members();
    }
}

package fr.gestan.cloud.compliance.internal.pdf;

import fr.gestan.cloud.common.keys.CurrentKeys;
import fr.gestan.cloud.common.keys.KeyFiles;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.RingMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificate signing keys ({@link KeyRing} {@value #PURPOSE}): the key store of the single-file setting
 * ({@link SigningKey}, the initial key) plus the PKCS#12 stores rotation added to the ring's folder
 * ({@code <id>.p12}, its password in {@code <id>.p12.password}, alias {@value SigningKey#DEFAULT_ALIAS}). A key's id
 * is derived from its certificate, which every signed PDF carries: the signature itself names its key.
 */
public final class SigningKeyRing {

    public static final String PURPOSE = "certificate-signing";
    static final String SUFFIX = ".p12";
    private static final CurrentKeys<SigningKeyRing> CURRENT = new CurrentKeys<>(loaded -> loaded.keys);

    /** A key of the ring and the key store it came from. */
    public record Member(String id, SigningKey key, Path file) {
    }

    /** The active key's id and its signer, as a page of the certificate batch signs with ({@link #activeSigner}). */
    public record ActiveSigner(String id, CertificateSigner signer) {
    }

    private final RingMembers<Member> keys;
    /** The signer of each key, made on first use (its certificate read and its {@code Signature} initialised once). */
    private final Map<String, CertificateSigner> signers = new ConcurrentHashMap<>();

    private SigningKeyRing(RingMembers<Member> keys) {
        this.keys = keys;
    }

    /** The configured ring, loaded on first use and again when its active key changed (here or on another node). */
    public static SigningKeyRing current() {
        return CURRENT.get(ring(), ring -> load(SigningKey.configuredPath(), KeyFiles.setting(SigningKey.PASSWORD_PROPERTY, SigningKey.PASSWORD_ENV),
                Optional.ofNullable(KeyFiles.setting(SigningKey.ALIAS_PROPERTY, SigningKey.ALIAS_ENV)).orElse(SigningKey.DEFAULT_ALIAS), ring));
    }

    public static KeyRing ring() {
        return KeyRing.of(PURPOSE, SUFFIX);
    }

    /**
     * The initial store at {@code initial} (generated when neither it nor any ring key exists, as before rings) and
     * every store of {@code ring}; the active key is the ring's {@code active} one, else the initial key.
     */
    public static SigningKeyRing load(Path initial, String password, String alias, KeyRing ring) {
        return new SigningKeyRing(RingMembers.load("certificate signing key", initial, ring, path -> {
            SigningKey key = SigningKey.loadOrCreate(path, password, alias);
            return new Member(idOf(key), key, path);
        }, (id, file) -> new Member(id, SigningKey.loadOrCreate(file, null, SigningKey.DEFAULT_ALIAS), file), Member::id));
    }

    /**
     * Generates a new key store (ECDSA P-256, self-signed, see {@link SigningKey}) in {@code ring} and makes it active.
     * It is written under a temporary name, then named after its id, password first, so that the ring never lists a
     * store without its password.
     *
     * @return the new key's id
     */
    public static String rotate(KeyRing ring) {
        try {
            Files.createDirectories(ring.folder());
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            Path pending = ring.folder().resolve("pending-" + HexFormat.of().formatHex(random) + ".p12.new");
            Path pendingPassword = pending.resolveSibling(pending.getFileName() + ".password");
            try {
                String id = idOf(SigningKey.loadOrCreate(pending, null, SigningKey.DEFAULT_ALIAS));
                Path store = ring.file(id);
                Files.move(pendingPassword, store.resolveSibling(store.getFileName() + ".password"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(pending, store, StandardCopyOption.ATOMIC_MOVE);
                ring.activate(id);
                CURRENT.clear();
                return id;
            } finally {
                Files.deleteIfExists(pending);
                Files.deleteIfExists(pendingPassword);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new certificate signing key in " + ring.folder(), e);
        }
    }

    /** A key's id: from its certificate (the one every PDF it signs embeds). */
    public static String idOf(SigningKey key) {
        try {
            return KeyRing.idOf(key.certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing certificate", e);
        }
    }

    public Member active() {
        return keys.active();
    }

    /** The signer of {@code member}'s key, one per key and loaded ring, reused by every certificate it signs. */
    public CertificateSigner signer(Member member) {
        return signers.computeIfAbsent(member.id(), id -> new CertificateSigner(member.key()));
    }

    /**
     * The active key and its signer. The certificate batch takes it once per page of {@link #current()}: the ring's
     * {@code active} file is then read once a page rather than once a certificate, and a rotation (here or on another
     * node) signs from the next page on. Every certificate still gets a signature of its own.
     */
    public ActiveSigner activeSigner() {
        Member key = active();
        return new ActiveSigner(key.id(), signer(key));
    }

    /** The key that made the certificates issued before key ids were recorded; null when its store is gone. */
    public String initialId() {
        return keys.initialId();
    }

    /** Every key, the initial one first, then the ring's oldest first. */
    public List<Member> members() {
        return keys.members();
    }
}

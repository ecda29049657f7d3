package fr.gestan.cloud.common.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys of one purpose (hosted-account secrets, certificate signing...), each under an id, one of them active:
 * new signatures and ciphertexts use the active key, the others stay for verifying and decrypting what they made.
 * A ring is a folder, {@code <keys folder>/<purpose>/}, holding one file per key, {@code <id><suffix>}, and a file
 * {@code active} naming the active id. The keys folder comes from system property {@value #DIR_PROPERTY} or
 * environment variable {@value #DIR_ENV}, else {@code <jboss.server.data.dir>/gestan/keys} ({@link KeyFiles}); in
 * production it is a folder outside the server's data folder, the same (shared or copied) on every node.
 *
 * <p>The key a purpose used before rings existed (its own single-file setting) stays readable where it is: the
 * purpose treats it as one more member, active while the ring has no {@code active} file.
 */
public final class KeyRing {

    public static final String DIR_PROPERTY = "gestan.keys.dir";
    public static final String DIR_ENV = "GESTAN_KEYS_DIR";
    static final String ACTIVE = "active";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8,64}");

    private final Path folder;
    private final String suffix;

    public KeyRing(Path folder, String suffix) {
        this.folder = folder;
        this.suffix = suffix;
    }

    /** The ring of {@code purpose} in the configured keys folder. */
    public static KeyRing of(String purpose, String suffix) {
        return new KeyRing(KeyFiles.path(DIR_PROPERTY, DIR_ENV, "keys").resolve(purpose), suffix);
    }

    /** A key's id: the first 8 bytes of the SHA-256 of what identifies it (a public key, a certificate, a secret key's hash). */
    public static String idOf(byte[] identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The file of key {@code id} in this ring (it may not exist). */
    public Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a key id: " + id);
        }
        return folder.resolve(id + suffix);
    }

    /** The ids of the keys in the ring's folder, oldest first. */
    public List<String> ids() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> ID.matcher(idIn(f)).matches())
                    .sorted(Comparator.comparing(KeyRing::createdAt).thenComparing(Path::toString))
                    .map(this::idIn).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key ring " + folder, e);
        }
    }

    private String idIn(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    /** The id the {@code active} file names; empty while the ring was never rotated. */
    public Optional<String> activeId() {
        try {
            String id = Files.readString(folder.resolve(ACTIVE), StandardCharsets.US_ASCII).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the active key of " + folder, e);
        }
    }

    /**
     * Makes {@code id} (a key of the ring) the active one: the {@code active} file is written beside and renamed
     * over the old one in one step, so every reader sees either the old or the new id.
     */
    public void activate(String id) {
        if (!Files.exists(file(id))) {
            throw new IllegalArgumentException("no key " + id + " in " + folder);
        }
        try {
            Path temp = Files.createTempFile(folder, ACTIVE, ".tmp");
            try {
                Files.writeString(temp, id + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, folder.resolve(ACTIVE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, folder.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot activate key " + id + " in " + folder, e);
        }
    }

    /** When a key file was written (its modification time: key files are never rewritten). */
    public static Instant createdAt(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}

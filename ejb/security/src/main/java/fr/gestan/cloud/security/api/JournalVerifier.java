package fr.gestan.cloud.security.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The access journal's hash chain, its signed checkpoints and its export format, in one dependency-free file.
 * <p>
 * The server computes and verifies the chain with this class, and the same file is the <b>offline verifier</b>:
 * {@code java JournalVerifier.java journal-export.tsv journal-public-key.pem} (Java 17+, nothing else needed)
 * checks an exported journal with the public key alone and exits 0 when it is intact, 1 otherwise.
 *
 * <h2>Chain</h2>
 * For the entry at position {@code seq} (1, 2, 3...): {@code content = SHA-256(canonical(entry))} and
 * {@code hash(seq) = SHA-256(hash(seq - 1) || content)}, with {@code hash(0)} = 32 zero bytes. The canonical
 * encoding is the version tag then every field as {@code <UTF-8 byte length>:<bytes>}, {@code -} for null, so no
 * value can run into the next one. Times are microseconds since the epoch (the database's precision).
 *
 * <h2>Checkpoints</h2>
 * Checkpoint {@code n} signs (Ed25519) {@code canonical(n, seq, hash(seq), createdAt, digest(checkpoint n - 1))}:
 * the chain head at that moment and the previous checkpoint, so checkpoints form their own chain and none can be
 * moved, replayed or dropped from the middle without detection.
 */
public final class JournalVerifier {

    public static final String ENTRY_TAG = "gestan-journal-entry-v1";
    public static final String ENTRY_V2_TAG = "gestan-journal-entry-v2";
    public static final String CHECKPOINT_TAG = "gestan-journal-checkpoint-v1";
    public static final String EXPORT_HEADER = "# gestan-journal-export v1";
    public static final String SIGNATURE_ALGORITHM = "Ed25519";
    public static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();

    /** What verification found: OK, or the first problem, where and why. */
    public enum Problem {
        /** The entry's content or position does not give its recorded hash: it was edited (or forged). */
        ENTRY_ALTERED,
        /** A position of the chain has no entry: an entry was deleted. */
        ENTRY_MISSING,
        /** An entry is not part of the chain the application recorded: it was inserted directly. */
        ENTRY_OUTSIDE_CHAIN,
        /** A checkpoint's signature does not verify with the public key: it was forged or altered. */
        CHECKPOINT_FORGED,
        /** A correctly signed checkpoint appears out of its place: an old checkpoint was replayed. */
        CHECKPOINT_REPLAYED,
        /** A genuine checkpoint signed a chain head that the journal no longer has: entries were rewritten. */
        CHECKPOINT_MISMATCH,
        /** A genuine checkpoint covers entries that are gone: the journal was truncated. */
        CHECKPOINT_BEYOND_END,
        /** The file or data could not be read as a journal export. */
        MALFORMED,
        /** A log position has no entry row: the entry was deleted, or the position table was edited. */
        LEAF_MISSING,
        /** An entry is sequenced although its MAC (or, for a legacy entry, its chain hash) does not verify: it was written around the application. */
        ENTRY_NOT_AUTHENTIC,
        /** Two genuine checkpoints sign different roots for the same tree size: a split view. */
        CHECKPOINT_SPLIT_VIEW,
        /** A genuine checkpoint signs a smaller tree than one signed before it: the log was rolled back. */
        CHECKPOINT_ROLLBACK
    }

    /** The outcome of a verification. {@code seq} is the position of the first broken entry or checkpoint. */
    public record Result(boolean ok, long entriesChecked, long checkpointsChecked, Problem problem, long seq,
                         String detail) {

        static Result ok(long entries, long checkpoints) {
            return new Result(true, entries, checkpoints, null, 0, "OK");
        }

        @Override
        public String toString() {
            return ok ? "OK: " + entriesChecked + " entries, " + checkpointsChecked + " checkpoints"
                    : "BROKEN at " + seq + ": " + problem + " (" + detail + ")";
        }
    }

    /** One signed checkpoint as stored and exported. */
    public record Checkpoint(long number, long seq, byte[] headHash, long createdAtMicros, byte[] previousDigest,
                             String keyId, byte[] signature) {

        /** The exact bytes that are signed. */
        public byte[] payload() {
            return canonical(CHECKPOINT_TAG, Long.toString(number), Long.toString(seq), HEX.formatHex(headHash),
                    Long.toString(createdAtMicros), HEX.formatHex(previousDigest), keyId);
        }

        /** What the next checkpoint links to. */
        public byte[] digest() {
            return sha256(payload(), signature);
        }
    }

    private JournalVerifier() {
    }

    // ------------------------------------------------------------------ encoding and hashing

    /** The canonical encoding of a journal entry's fields (nulls allowed except where the schema forbids them). */
    public static byte[] entryContent(long seq, long occurredAtMicros, String actor, String actorRole, String tenantRef,
                                      String action, String target, String sourceIp, String outcome, String reason) {
        return sha256(canonical(ENTRY_TAG, Long.toString(seq), Long.toString(occurredAtMicros), actor, actorRole,
                tenantRef, action, target, sourceIp, outcome, reason));
    }

    /**
     * The v1 leaf of the transparency log: the canonical v1 encoding of an entry written before the log (position
     * included, {@code null} for entries older than the chain). Its SHA-256 is the chain's {@link #entryContent}.
     */
    public static byte[] entryV1Leaf(Long seq, long occurredAtMicros, String actor, String actorRole, String tenantRef,
                                     String action, String target, String sourceIp, String outcome, String reason) {
        return canonical(ENTRY_TAG, seq == null ? null : Long.toString(seq), Long.toString(occurredAtMicros), actor, actorRole,
                tenantRef, action, target, sourceIp, outcome, reason);
    }

    /**
     * What a v2 entry's MAC covers: the entry without any position (positions are given after commit). The MAC is
     * {@code HMAC-SHA256(key, entryV2Payload)} with a key kept outside the database.
     */
    public static byte[] entryV2Payload(long occurredAtMicros, String actor, String actorRole, String tenantRef, String action,
                                        String target, String sourceIp, String outcome, String reason) {
        return canonical(ENTRY_V2_TAG, Long.toString(occurredAtMicros), actor, actorRole, tenantRef, action, target, sourceIp,
                outcome, reason);
    }

    /**
     * The v2 leaf of the transparency log: the payload and its MAC (hex). The leaf covers the MAC, so the public hash
     * of a guessable entry cannot be confirmed by trying candidate entries without the key.
     */
    public static byte[] entryV2Leaf(long occurredAtMicros, String actor, String actorRole, String tenantRef, String action,
                                     String target, String sourceIp, String outcome, String reason, String mac) {
        return canonical(ENTRY_V2_TAG, Long.toString(occurredAtMicros), actor, actorRole, tenantRef, action, target, sourceIp,
                outcome, reason, mac);
    }

    /** {@code hash(seq) = SHA-256(hash(seq - 1) || content)}. */
    public static byte[] link(byte[] previousHash, byte[] content) {
        return sha256(previousHash, content);
    }

    public static byte[] canonical(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                out.append("-;");
            } else {
                out.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(';');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** A short, stable identifier of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        return hex(sha256(key.getEncoded())).substring(0, 16);
    }

    public static boolean signatureValid(PublicKey key, Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.payload());
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static PublicKey readPublicKeyPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(SIGNATURE_ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    public static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    // ------------------------------------------------------------------ streaming verification

    /**
     * Walks a chain in position order from the genesis. Feed entries with {@link #entry}, in order; checkpoints are
     * given up front (they are few), all of them, in their stored order. {@link #jump} skips to a signed checkpoint
     * (exports of one tenant leave out the stretches that do not concern it). {@link #finish} reports checkpoints
     * beyond the last entry. The first problem stops the walk; later calls return it again.
     */
    public static final class Walk {

        private final PublicKey key;
        private final String keyId;
        private final List<Checkpoint> all;
        private final Deque<Checkpoint> pending = new ArrayDeque<>();
        private long expectedSeq = 1;
        private byte[] head = GENESIS.clone();
        private long entries;
        private long checkpoints;
        private Result broken;

        public Walk(PublicKey key, List<Checkpoint> list) {
            this.key = key;
            this.keyId = keyId(key);
            this.all = List.copyOf(list);
            Checkpoint previous = null;
            for (Checkpoint c : list) {
                Result problem = checkCheckpoint(c, previous, true);
                if (problem != null) {
                    broken = problem;
                    return;
                }
                pending.add(c);
                previous = c;
            }
            checkpoints = list.size();
        }

        /** Continues the walk after position {@code seq}, whose hash a genuine checkpoint must have signed. */
        public Result jump(long seq, byte[] hash) {
            if (broken != null) {
                return broken;
            }
            if (seq < expectedSeq - 1 || all.stream().noneMatch(c -> c.seq() == seq && Arrays.equals(c.headHash(), hash))) {
                return broken = fail(Problem.MALFORMED, seq, "a jump to position " + seq + " that no signed checkpoint anchors");
            }
            while (!pending.isEmpty() && pending.peek().seq() <= seq) {
                pending.poll();
            }
            expectedSeq = seq + 1;
            head = hash.clone();
            return null;
        }

        private Result checkCheckpoint(Checkpoint c, Checkpoint previous, boolean trustedFirstLink) {
            if (!keyId.equals(c.keyId()) || !signatureValid(key, c)) {
                return fail(Problem.CHECKPOINT_FORGED, c.seq(), "checkpoint " + c.number() + ": signature does not verify with key " + keyId);
            }
            if (previous == null) {
                if (trustedFirstLink && (c.number() != 1 || !Arrays.equals(c.previousDigest(), GENESIS))) {
                    return fail(Problem.CHECKPOINT_REPLAYED, c.seq(), "the first checkpoint carries number " + c.number());
                }
                return null;
            }
            if (c.number() != previous.number() + 1 || !Arrays.equals(c.previousDigest(), previous.digest())
                    || c.seq() < previous.seq() || c.createdAtMicros() < previous.createdAtMicros()) {
                return fail(Problem.CHECKPOINT_REPLAYED, c.seq(), "checkpoint " + c.number() + " found after checkpoint "
                        + previous.number() + ": it does not follow it");
            }
            return null;
        }

        /** Feeds the next stored entry: its position, its content digest and the hash stored with it. */
        public Result entry(long seq, byte[] content, byte[] storedHash) {
            if (broken != null) {
                return broken;
            }
            if (seq < expectedSeq) {
                return broken = fail(Problem.ENTRY_OUTSIDE_CHAIN, seq, "a second entry at position " + seq);
            }
            if (seq > expectedSeq) {
                return broken = fail(Problem.ENTRY_MISSING, expectedSeq, "positions " + expectedSeq
                        + (seq - 1 > expectedSeq ? " to " + (seq - 1) : "") + " have no entry");
            }
            byte[] hash = link(head, content);
            if (!Arrays.equals(hash, storedHash)) {
                return broken = fail(Problem.ENTRY_ALTERED, seq, "the entry's content and position do not give its recorded hash");
            }
            head = hash;
            expectedSeq++;
            entries++;
            while (!pending.isEmpty() && pending.peek().seq() == seq) {
                Checkpoint c = pending.poll();
                if (!Arrays.equals(c.headHash(), hash)) {
                    return broken = fail(Problem.CHECKPOINT_MISMATCH, seq, "checkpoint " + c.number()
                            + " signed another chain head at this position: earlier entries were rewritten");
                }
            }
            return null;
        }

        /** The end of the entries; {@code recordedHeadSeq} is the head the application recorded, or -1 if unknown. */
        public Result finish(long recordedHeadSeq) {
            if (broken != null) {
                return broken;
            }
            if (!pending.isEmpty()) {
                Checkpoint c = pending.peek();
                return broken = fail(Problem.CHECKPOINT_BEYOND_END, expectedSeq, "checkpoint " + c.number() + " covers position "
                        + c.seq() + " but the journal ends at " + (expectedSeq - 1));
            }
            if (recordedHeadSeq >= 0 && expectedSeq - 1 > recordedHeadSeq) {
                return broken = fail(Problem.ENTRY_OUTSIDE_CHAIN, recordedHeadSeq + 1, "entries after the recorded chain head "
                        + recordedHeadSeq + " were not written by the application");
            }
            if (recordedHeadSeq >= 0 && expectedSeq - 1 < recordedHeadSeq) {
                return broken = fail(Problem.ENTRY_MISSING, expectedSeq, "the recorded chain head is " + recordedHeadSeq
                        + " but the journal ends at " + (expectedSeq - 1));
            }
            return Result.ok(entries, checkpoints);
        }

        public Result broken() {
            return broken;
        }

        public long entriesChecked() {
            return entries;
        }

        public byte[] head() {
            return head.clone();
        }

        private static Result fail(Problem problem, long seq, String detail) {
            return new Result(false, 0, 0, problem, seq, detail);
        }
    }

    // ------------------------------------------------------------------ export format

    /**
     * Tab-separated lines after {@link #EXPORT_HEADER}: {@code C} lines (every checkpoint), then {@code E} lines
     * (full entries), {@code R} lines (entries of other tenants, reduced to their content digest) and {@code J}
     * lines (skip to a checkpoint's position), in chain order. Field values escape backslash, tab, CR and LF; {@code \N} is null.
     */
    public static final class Export {

        private Export() {
        }

        public static void header(Writer out) throws IOException {
            out.write(EXPORT_HEADER + "\n");
        }

        /** Skips to the position of a checkpoint (the lines before it do not concern the reader). */
        public static void jump(Writer out, long seq, byte[] hash) throws IOException {
            out.write(line("J", Long.toString(seq), hex(hash)));
        }

        public static void checkpoint(Writer out, Checkpoint c) throws IOException {
            out.write(line("C", Long.toString(c.number()), Long.toString(c.seq()), hex(c.headHash()),
                    Long.toString(c.createdAtMicros()), hex(c.previousDigest()), c.keyId(),
                    Base64.getEncoder().encodeToString(c.signature())));
        }

        public static void entry(Writer out, long seq, long occurredAtMicros, String actor, String actorRole, String tenantRef,
                                 String action, String target, String sourceIp, String outcome, String reason, byte[] hash)
                throws IOException {
            out.write(line("E", Long.toString(seq), Long.toString(occurredAtMicros), actor, actorRole, tenantRef, action,
                    target, sourceIp, outcome, reason, hex(hash)));
        }

        public static void redacted(Writer out, long seq, byte[] content, byte[] hash) throws IOException {
            out.write(line("R", Long.toString(seq), hex(content), hex(hash)));
        }

        static String line(String... fields) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                String f = fields[i];
                if (f == null) {
                    out.append("\\N");
                } else {
                    out.append(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
                }
            }
            return out.append('\n').toString();
        }

        static String[] split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean isNull = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '\t') {
                    fields.add(isNull ? null : current.toString());
                    current.setLength(0);
                    isNull = false;
                } else if (ch == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    switch (next) {
                        case 't' -> current.append('\t');
                        case 'n' -> current.append('\n');
                        case 'r' -> current.append('\r');
                        case 'N' -> isNull = true;
                        default -> current.append(next);
                    }
                } else {
                    current.append(ch);
                }
            }
            fields.add(isNull ? null : current.toString());
            return fields.toArray(String[]::new);
        }

        /** Verifies an export read from {@code in} with the public key alone. */
        public static Result verify(BufferedReader in, PublicKey key) throws IOException {
            String header = in.readLine();
            if (!EXPORT_HEADER.equals(header)) {
                return new Result(false, 0, 0, Problem.MALFORMED, 0, "not a journal export (first line)");
            }
            try {
                List<Checkpoint> checkpoints = new ArrayList<>();
                String line = in.readLine();
                while (line != null && line.startsWith("C\t")) {
                    String[] f = split(line);
                    checkpoints.add(new Checkpoint(Long.parseLong(f[1]), Long.parseLong(f[2]), unhex(f[3]),
                            Long.parseLong(f[4]), unhex(f[5]), f[6], Base64.getDecoder().decode(f[7])));
                    line = in.readLine();
                }
                Walk walk = new Walk(key, checkpoints);
                for (; line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = split(line);
                    long seq = Long.parseLong(f[1]);
                    Result problem;
                    if ("E".equals(f[0]) && f.length == 12) {
                        byte[] content = entryContent(seq, Long.parseLong(f[2]), f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]);
                        problem = walk.entry(seq, content, unhex(f[11]));
                    } else if ("J".equals(f[0]) && f.length == 3) {
                        problem = walk.jump(seq, unhex(f[2]));
                    } else if ("R".equals(f[0]) && f.length == 4) {
                        problem = walk.entry(seq, unhex(f[2]), unhex(f[3]));
                    } else {
                        return new Result(false, walk.entriesChecked(), 0, Problem.MALFORMED, seq, "unreadable line: " + f[0]);
                    }
                    if (problem != null) {
                        return problem;
                    }
                }
                return walk.finish(-1);
            } catch (RuntimeException e) {
                return new Result(false, 0, 0, Problem.MALFORMED, 0, "unreadable export: " + e);
            }
        }
    }

    /** {@code java JournalVerifier.java <export.tsv> <public-key.pem>}: exit 0 when intact, 1 when broken, 2 on usage. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java JournalVerifier.java <journal-export.tsv> <journal-public-key.pem>");
            System.exit(2);
        }
        PublicKey key = readPublicKeyPem(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII));
        Result result;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = Export.verify(in, key);
        }
        System.out.println(result);
        System.exit(result.ok() ? 0 : 1);
    }
}

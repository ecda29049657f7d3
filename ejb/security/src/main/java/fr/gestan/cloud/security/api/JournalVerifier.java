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
import java.security.PrivateKey;
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
 *
 * <h2>Transparency log</h2>
 * Since the journal became an RFC 9162 Merkle log, entries are encoded without a position ({@link #entryV2Leaf},
 * with a MAC) and the nested {@link MerkleLog} holds the tree hashing, proofs, tiles and signed-note checkpoints;
 * entries written before keep their v1 encoding ({@link #entryV1Leaf}) as the first leaves. The chain above still
 * verifies exports made before the log.
 */
public final class JournalVerifier {

    public static final String ENTRY_TAG = "gestan-journal-entry-v1";
    public static final String ENTRY_V2_TAG = "gestan-journal-entry-v2";
    public static final String CHECKPOINT_TAG = "gestan-journal-checkpoint-v1";
    public static final String EXPORT_HEADER = "# gestan-journal-export v1";
    public static final String EXPORT_HEADER_V2 = "# gestan-journal-export v2";
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
        MessageDigest digest = SHA256.get();
        try {
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest(); // and ready for the next one
        } catch (RuntimeException e) {
            digest.reset(); // a null part: nothing half-hashed left for the thread's next call
            throw e;
        }
    }

    /**
     * One SHA-256 engine per thread, reused: {@code MessageDigest.getInstance} (the provider's look-up and a new
     * engine) cost as much as hashing the 65 bytes of a tree node, and a tenant export's proofs hash tens of thousands
     * of nodes (docs/performance.md 4.57). Only JDK classes are kept in the threads.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

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

        /**
         * Log exports (v2): after {@link #EXPORT_HEADER_V2}, one {@code N} line (the signed checkpoint note, base64),
         * then one line per entry in position order: {@code V} (v2 entry: position, fields, MAC) or {@code L} (entry
         * from before the log: position, old chain seq, fields), each ending with its inclusion proof in the
         * checkpoint's tree (base64 hashes joined by commas, {@code -} when empty), or {@code *} in a whole-log
         * export, where every leaf is listed and the tree is rebuilt instead.
         */
        public static void headerV2(Writer out, String signedNote) throws IOException {
            out.write(EXPORT_HEADER_V2 + "\n");
            out.write(line("N", Base64.getEncoder().encodeToString(signedNote.getBytes(StandardCharsets.UTF_8))));
        }

        /**
         * The optional {@code P} line, right after the {@code N} line of a tenant export: the checkpoint of that
         * tenant's previous export (signed note, base64) and the RFC 9162 consistency proof from its tree size to
         * this export's (base64 hashes joined by commas, {@code -} when empty). The verifier checks that the log
         * only grew between the two exports.
         */
        public static void previous(Writer out, String previousNote, List<byte[]> consistencyProof) throws IOException {
            out.write(line("P", Base64.getEncoder().encodeToString(previousNote.getBytes(StandardCharsets.UTF_8)),
                    hashes(consistencyProof)));
        }

        private static String hashes(List<byte[]> proof) {
            return proof.isEmpty() ? "-" : String.join(",", proof.stream().map(Base64.getEncoder()::encodeToString).toList());
        }

        private static List<byte[]> unhashes(String field) {
            List<byte[]> proof = new ArrayList<>();
            if (!"-".equals(field)) {
                for (String h : field.split(",")) {
                    proof.add(Base64.getDecoder().decode(h));
                }
            }
            return proof;
        }

        /**
         * Checks that the log signed as {@code newerNote} only grew from {@code olderNote} (two checkpoints a client
         * kept, or a previous export's and this one's): both signatures with the key, sizes in order, the same root for
         * the same size, and the consistency proof between them. Two checkpoints checked when OK; else the problem.
         */
        public static Result consistency(String olderNote, String newerNote, List<byte[]> proof, PublicKey key) {
            return consistency(olderNote, newerNote, proof, MerkleLog.KeySet.of(origin(newerNote), key));
        }

        /**
         * {@link #consistency(String, String, List, PublicKey)} with the published key set: each checkpoint is checked
         * with the key its signature names (the two may be signed by different keys, before and after a rotation).
         */
        public static Result consistency(String olderNote, String newerNote, List<byte[]> proof, MerkleLog.KeySet keys) {
            MerkleLog.Checkpoint older;
            MerkleLog.Checkpoint newer;
            try {
                newer = keys.open(newerNote, origin(newerNote));
            } catch (MerkleLog.VerificationException e) {
                return new Result(false, 0, 0, Problem.CHECKPOINT_FORGED, 0, "newer checkpoint: " + e.getMessage());
            }
            try {
                older = keys.open(olderNote, origin(olderNote));
            } catch (MerkleLog.VerificationException e) {
                return new Result(false, 0, 1, Problem.CHECKPOINT_FORGED, 0, "older checkpoint: " + e.getMessage());
            }
            String both = "checkpoints of tree sizes " + older.size() + " (root " + hex(older.root()) + ") and " + newer.size()
                    + " (root " + hex(newer.root()) + ")";
            if (older.size() > newer.size()) {
                return new Result(false, 0, 2, Problem.CHECKPOINT_ROLLBACK, newer.size(), "the log was rolled back between the "
                        + both);
            }
            if (older.size() == newer.size() && !Arrays.equals(older.root(), newer.root())) {
                return new Result(false, 0, 2, Problem.CHECKPOINT_SPLIT_VIEW, newer.size(), "two roots for one tree size: " + both);
            }
            if (older.size() > 0 && older.size() < newer.size()) {
                try {
                    MerkleLog.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), proof);
                } catch (MerkleLog.VerificationException e) {
                    return new Result(false, 0, 2, Problem.CHECKPOINT_MISMATCH, older.size(), "the log was rewritten: no "
                            + "consistency between the " + both + " (" + e.getMessage() + ")");
                }
            }
            return Result.ok(0, 2);
        }

        private static String origin(String note) {
            return note.substring(0, Math.max(0, note.indexOf('\n')));
        }

        public static void logEntry(Writer out, long position, boolean legacy, Long seq, long occurredAtMicros, String actor,
                                    String actorRole, String tenantRef, String action, String target, String sourceIp,
                                    String outcome, String reason, String mac, List<byte[]> proof) throws IOException {
            String proofField = proof == null ? "*" : hashes(proof);
            if (legacy) {
                out.write(line("L", Long.toString(position), seq == null ? null : Long.toString(seq), Long.toString(occurredAtMicros),
                        actor, actorRole, tenantRef, action, target, sourceIp, outcome, reason, proofField));
            } else {
                out.write(line("V", Long.toString(position), Long.toString(occurredAtMicros), actor, actorRole, tenantRef, action,
                        target, sourceIp, outcome, reason, mac, proofField));
            }
        }

        private static Result verifyV2(BufferedReader in, PublicKey key, MerkleLog.KeySet published) throws IOException {
            try {
                String[] n = split(in.readLine());
                if (n.length != 2 || !"N".equals(n[0])) {
                    return new Result(false, 0, 0, Problem.MALFORMED, 0, "no signed checkpoint after the header");
                }
                String note = new String(Base64.getDecoder().decode(n[1]), StandardCharsets.UTF_8);
                String origin = note.substring(0, Math.max(0, note.indexOf('\n')));
                MerkleLog.KeySet keys = published != null ? published : MerkleLog.KeySet.of(origin, key);
                MerkleLog.Checkpoint checkpoint;
                try {
                    checkpoint = keys.open(note, origin);
                } catch (MerkleLog.VerificationException e) {
                    return new Result(false, 0, 0, Problem.CHECKPOINT_FORGED, 0, e.getMessage());
                }
                MerkleLog.Frontier whole = new MerkleLog.Frontier();
                long entries = 0;
                int checkpoints = 1;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = split(line);
                    if ("P".equals(f[0]) && f.length == 3 && entries == 0) {
                        Result grown = consistency(new String(Base64.getDecoder().decode(f[1]), StandardCharsets.UTF_8), note,
                                unhashes(f[2]), keys);
                        if (!grown.ok()) {
                            return new Result(false, 0, grown.checkpointsChecked(), grown.problem(), grown.seq(),
                                    "previous export's checkpoint: " + grown.detail());
                        }
                        checkpoints = 2;
                        continue;
                    }
                    long position = Long.parseLong(f[1]);
                    byte[] leaf;
                    if ("V".equals(f[0]) && f.length == 13) {
                        leaf = entryV2Leaf(Long.parseLong(f[2]), f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
                    } else if ("L".equals(f[0]) && f.length == 13) {
                        leaf = entryV1Leaf(f[2] == null ? null : Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f[6], f[7],
                                f[8], f[9], f[10], f[11]);
                    } else {
                        return new Result(false, entries, 1, Problem.MALFORMED, position, "unreadable line: " + f[0]);
                    }
                    String proofField = f[12];
                    byte[] leafHash = MerkleLog.leafHash(leaf);
                    if ("*".equals(proofField)) {
                        if (position != whole.size()) {
                            return new Result(false, entries, 1, Problem.LEAF_MISSING, whole.size(), "positions " + whole.size()
                                    + " to " + (position - 1) + " are missing from a whole-log export");
                        }
                        whole.append(leafHash, null);
                    } else {
                        List<byte[]> proof = unhashes(proofField);
                        try {
                            MerkleLog.verifyInclusion(position, checkpoint.size(), leafHash, proof, checkpoint.root());
                        } catch (MerkleLog.VerificationException e) {
                            return new Result(false, entries, 1, Problem.ENTRY_ALTERED, position, e.getMessage());
                        }
                    }
                    entries++;
                }
                if (whole.size() > 0 && (whole.size() != checkpoint.size() || !Arrays.equals(whole.root(), checkpoint.root()))) {
                    return new Result(false, entries, checkpoints, Problem.CHECKPOINT_MISMATCH, whole.size(), "the " + whole.size()
                            + " leaves listed do not give the signed root of tree size " + checkpoint.size());
                }
                return Result.ok(entries, checkpoints);
            } catch (RuntimeException e) {
                return new Result(false, 0, 0, Problem.MALFORMED, 0, "unreadable export: " + e);
            }
        }

        /** Verifies an export (v1 chain or v2 log) read from {@code in} with the public key alone. */
        public static Result verify(BufferedReader in, PublicKey key) throws IOException {
            return verify(in, key, null);
        }

        /**
         * Verifies an export with the published key set (after rotations): its checkpoint with the key its signature
         * names, refused when that key is unknown or the checkpoint's size lies outside the key's period.
         */
        public static Result verify(BufferedReader in, MerkleLog.KeySet keys) throws IOException {
            return verify(in, null, keys);
        }

        private static Result verify(BufferedReader in, PublicKey key, MerkleLog.KeySet keys) throws IOException {
            String header = in.readLine();
            if (EXPORT_HEADER_V2.equals(header)) {
                return verifyV2(in, key, keys);
            }
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
                Walk walk = new Walk(key != null ? key : keys.legacyKey(checkpoints.isEmpty() ? "" : checkpoints.get(0).keyId()),
                        checkpoints);
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

    /**
     * {@code java JournalVerifier.java <export.tsv> <journal-keys.txt>}: checks an export (any version) with the
     * published key set ({@code /journal/keys}: every checkpoint key with its period; a single PEM public key, the
     * log's key before any rotation, is accepted too);
     * {@code java JournalVerifier.java --consistency <older-checkpoint> <newer-checkpoint> <proof> <public-key.pem>}:
     * checks that the log only grew between two checkpoints a client kept (signed notes as served at
     * {@code /journal/checkpoint}), with the consistency proof saved from
     * {@code /api/v1/public/journal/consistency?first=<older size>&second=<newer size>} (its JSON, or base64 hashes
     * one per line). Exit 0 when intact, 1 when broken, 2 on usage.
     */
    public static void main(String[] args) throws Exception {
        Result result;
        if (args.length == 5 && "--consistency".equals(args[0])) {
            String older = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
            String newer = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
            MerkleLog.KeySet keys = MerkleLog.KeySet.read(Files.readString(Path.of(args[4]), StandardCharsets.US_ASCII),
                    newer.substring(0, Math.max(0, newer.indexOf('\n'))));
            result = Export.consistency(older, newer, proofFile(Files.readString(Path.of(args[3]), StandardCharsets.UTF_8)), keys);
        } else if (args.length == 2 && !args[0].startsWith("--")) {
            String keyFile = Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII);
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (keyFile.contains("-----BEGIN PUBLIC KEY-----")) {
                    result = Export.verify(in, readPublicKeyPem(keyFile)); // one key: the log's only key, before rotations
                } else {
                    result = Export.verify(in, MerkleLog.KeySet.parse(keyFile)); // the published key set (/journal/keys)
                }
            }
        } else {
            System.err.println("usage: java JournalVerifier.java <journal-export.tsv> <journal-keys.txt | journal-public-key.pem>");
            System.err.println("       java JournalVerifier.java --consistency <older-checkpoint.txt> <newer-checkpoint.txt> "
                    + "<consistency-proof.json> <journal-keys.txt | journal-public-key.pem>");
            System.exit(2);
            return;
        }
        System.out.println(result);
        System.exit(result.ok() ? 0 : 1);
    }

    /** The hashes of a saved consistency proof: the API's JSON ({@code "proof":[…]}) or base64 lines. */
    static List<byte[]> proofFile(String text) {
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\"proof\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(text);
        String list = json.find() ? json.group(1).replace("\"", " ").replace(",", " ") : text;
        List<byte[]> proof = new ArrayList<>();
        for (String h : list.trim().split("\\s+")) {
            if (!h.isEmpty()) {
                proof.add(Base64.getDecoder().decode(h));
            }
        }
        return proof;
    }

    /**
     * The access journal's transparency log, in one dependency-free file (Java 17, {@code java.*} only), so that the
     * offline verifier can carry the same code: RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, inclusion
     * and consistency proofs, C2SP {@code tlog-tiles} tile arithmetic, and C2SP {@code signed-note} /
     * {@code tlog-checkpoint} checkpoints signed with Ed25519.
     * <ul>
     * <li>leaf hash {@code SHA-256(0x00 || leaf)}, interior node {@code SHA-256(0x01 || left || right)}, empty tree
     * {@code SHA-256()} (RFC 9162 §2.1.1);</li>
     * <li>node {@code (level, index)}: the root of the perfect subtree over leaves
     * {@code [index * 2^level, (index + 1) * 2^level)};</li>
     * <li>tiles: level {@code L} tile {@code N} holds the hashes of nodes {@code (8L, 256N ... 256N + 255)}.</li>
     * </ul>
     */
    public static final class MerkleLog {

        public static final int HASH_SIZE = 32;
        public static final int TILE_HEIGHT = 8;
        public static final int TILE_WIDTH = 1 << TILE_HEIGHT;
        /** RFC 9162 §2.1.1: the hash of an empty tree. */
        public static final byte[] EMPTY_ROOT = sha256();

        private static final byte LEAF_PREFIX = 0x00;
        private static final byte NODE_PREFIX = 0x01;
        /** signed-note: the signature type byte of Ed25519 keys. */
        private static final byte ED25519_TYPE = 0x01;
        /** The X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 key. */
        private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

        private MerkleLog() {
        }

        /** A proof or note that does not verify; the message says why. */
        public static final class VerificationException extends Exception {
            public VerificationException(String message) {
                super(message);
            }
        }

        // ------------------------------------------------------------------ hashing

        /** {@link JournalVerifier#sha256}, kept under the log's name for its callers. */
        public static byte[] sha256(byte[]... parts) {
            return JournalVerifier.sha256(parts);
        }

        public static byte[] leafHash(byte[] leaf) {
            return sha256(new byte[] {LEAF_PREFIX}, leaf);
        }

        public static byte[] nodeHash(byte[] left, byte[] right) {
            return sha256(new byte[] {NODE_PREFIX}, left, right);
        }

        /** RFC 9162 MTH over the given leaf hashes, by the definition (reference for tests and small trees). */
        public static byte[] rootOf(List<byte[]> leafHashes) {
            return mth(leafHashes, 0, leafHashes.size());
        }

        private static byte[] mth(List<byte[]> leaves, int from, int to) {
            int n = to - from;
            if (n == 0) {
                return EMPTY_ROOT.clone();
            }
            if (n == 1) {
                return leaves.get(from);
            }
            int k = (int) largestPowerOfTwoBelow(n);
            return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
        }

        /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
        static long largestPowerOfTwoBelow(long n) {
            return Long.highestOneBit(n - 1);
        }

        // ------------------------------------------------------------------ growing a tree

        /** Receives every node of level ≥ 0 the moment it is complete: {@code (level, index, hash)}. */
        @FunctionalInterface
        public interface NodeSink {
            void node(int level, long index, byte[] hash);
        }

        /**
         * The right border of a growing tree (a compact range from leaf 0): the roots of its perfect subtrees, largest
         * first. Appending a leaf costs O(log n) hashes; {@link #root()} folds the border. Memory: O(log n).
         */
        public static final class Frontier {

            private final List<byte[]> border = new ArrayList<>();
            private long size;

            public Frontier() {
            }

            /**
             * Resumes at {@code size} leaves, given the roots of the perfect subtrees of that size's binary decomposition,
             * largest first (see {@link #borderNodes}).
             */
            public Frontier(long size, List<byte[]> borderHashes) {
                if (Long.bitCount(size) != borderHashes.size()) {
                    throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size) + " border nodes");
                }
                this.size = size;
                for (byte[] h : borderHashes) {
                    border.add(h.clone());
                }
            }

            /** Appends a leaf hash; {@code sink} (may be null) gets the leaf and every interior node it completes. */
            public void append(byte[] leafHash, NodeSink sink) {
                byte[] hash = leafHash.clone();
                long index = size;
                int level = 0;
                if (sink != null) {
                    sink.node(0, index, hash);
                }
                // Each trailing one bit of the old size is a left sibling waiting for this subtree.
                for (long s = size; (s & 1) == 1; s >>= 1) {
                    hash = nodeHash(border.remove(border.size() - 1), hash);
                    level++;
                    index >>= 1;
                    if (sink != null) {
                        sink.node(level, index, hash);
                    }
                }
                border.add(hash);
                size++;
            }

            public long size() {
                return size;
            }

            public byte[] root() {
                if (border.isEmpty()) {
                    return EMPTY_ROOT.clone();
                }
                byte[] hash = border.get(border.size() - 1);
                for (int i = border.size() - 2; i >= 0; i--) {
                    hash = nodeHash(border.get(i), hash);
                }
                return hash;
            }

            public List<byte[]> border() {
                return List.copyOf(border);
            }
        }

        /** The nodes {@code (level, index)} whose hashes make the border of a tree of {@code size} leaves, largest first. */
        public static List<long[]> borderNodes(long size) {
            List<long[]> nodes = new ArrayList<>();
            long start = 0;
            for (int level = 63; level >= 0; level--) {
                if ((size >>> level & 1) == 1) {
                    nodes.add(new long[] {level, start >>> level});
                    start += 1L << level;
                }
            }
            return nodes;
        }

        // ------------------------------------------------------------------ proofs (RFC 9162 §2.1.3, §2.1.4)

        /** Gives the hash of a complete node {@code (level, index)} of the stored tree. */
        @FunctionalInterface
        public interface NodeSource {
            byte[] node(int level, long index);
        }

        /**
         * MTH(D[start:end]) for a range that RFC 9162's recursion produces ({@code start} a multiple of a power of two at
         * least {@code end - start}): the perfect subtrees of the range, folded from the right.
         */
        public static byte[] rangeHash(long start, long end, NodeSource nodes) {
            if (start == end) {
                return EMPTY_ROOT.clone();
            }
            List<byte[]> parts = new ArrayList<>();
            long pos = start;
            while (pos < end) {
                int level = Math.min(62, Long.numberOfTrailingZeros(pos)); // 64 for pos 0
                while (pos + (1L << level) > end) {
                    level--;
                }
                parts.add(nodes.node(level, pos >>> level));
                pos += 1L << level;
            }
            byte[] hash = parts.get(parts.size() - 1);
            for (int i = parts.size() - 2; i >= 0; i--) {
                hash = nodeHash(parts.get(i), hash);
            }
            return hash;
        }

        /** The root of a tree of {@code size} leaves. */
        public static byte[] root(long size, NodeSource nodes) {
            return rangeHash(0, size, nodes);
        }

        /** RFC 9162 §2.1.3.1 PATH(index, D[size]): the audit path of leaf {@code index} (0-based) in a tree of {@code size}. */
        public static List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
            }
            List<byte[]> proof = new ArrayList<>();
            path(index, 0, size, nodes, proof);
            return proof;
        }

        private static void path(long m, long start, long n, NodeSource nodes, List<byte[]> out) {
            if (n <= 1) {
                return;
            }
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                path(m, start, k, nodes, out);
                out.add(rangeHash(start + k, start + n, nodes));
            } else {
                path(m - k, start + k, n - k, nodes, out);
                out.add(rangeHash(start, start + k, nodes));
            }
        }

        /** RFC 9162 §2.1.4.1 PROOF(first, D[second]): proves that the tree of size {@code first} is a prefix of {@code second}. */
        public static List<byte[]> consistencyProof(long first, long second, NodeSource nodes) {
            if (first <= 0 || first > second) {
                throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
            }
            List<byte[]> proof = new ArrayList<>();
            if (first < second) {
                subproof(first, 0, second, true, nodes, proof);
            }
            return proof;
        }

        private static void subproof(long m, long start, long n, boolean whole, NodeSource nodes, List<byte[]> out) {
            if (m == n) {
                if (!whole) {
                    out.add(rangeHash(start, start + n, nodes));
                }
                return;
            }
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                subproof(m, start, k, whole, nodes, out);
                out.add(rangeHash(start + k, start + n, nodes));
            } else {
                subproof(m - k, start + k, n - k, false, nodes, out);
                out.add(rangeHash(start, start + k, nodes));
            }
        }

        /**
         * The two node numbers ({@code fn}, {@code sn}) that RFC 9162 walks up the tree in both proofs, inclusion
         * (§2.1.3.2) and consistency (§2.1.4.2): one copy of the step both loops take.
         */
        private static final class ProofPath {
            long fn;
            long sn;

            ProofPath(long fn, long sn) {
                this.fn = fn;
                this.sn = sn;
            }

            /**
             * Whether the next proof node is hashed on the left ({@code LSB(fn)} set, or {@code fn == sn}); if so, and
             * {@code fn} is a left child, climbs while {@code LSB(fn)} is not set, as the RFC says.
             */
            boolean nodeOnLeft() {
                if ((fn & 1) == 1 || fn == sn) {
                    while ((fn & 1) == 0 && fn != 0) {
                        up();
                    }
                    return true;
                }
                return false;
            }

            void up() {
                fn >>= 1;
                sn >>= 1;
            }
        }

        /** RFC 9162 §2.1.3.2: the root that an inclusion proof leads to, or why it cannot lead anywhere. */
        public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
                throws VerificationException {
            if (index < 0 || index >= size) {
                throw new VerificationException("leaf index " + index + " is beyond tree size " + size);
            }
            requireHash(leafHash, "leaf hash");
            ProofPath path = new ProofPath(index, size - 1);
            byte[] r = leafHash;
            for (byte[] p : proof) {
                requireHash(p, "proof node");
                if (path.sn == 0) {
                    throw new VerificationException("the proof is longer than the path to the root");
                }
                r = path.nodeOnLeft() ? nodeHash(p, r) : nodeHash(r, p);
                path.up();
            }
            if (path.sn != 0) {
                throw new VerificationException("the proof is shorter than the path to the root");
            }
            return r;
        }

        public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
                throws VerificationException {
            requireHash(root, "root");
            if (!Arrays.equals(rootFromInclusionProof(index, size, leafHash, proof), root)) {
                throw new VerificationException("the inclusion proof of leaf " + index + " does not lead to the root of tree size " + size);
            }
        }

        /** RFC 9162 §2.1.4.2: checks that {@code root1} (tree size {@code first}) is a prefix of {@code root2} ({@code second}). */
        public static void verifyConsistency(long first, long second, byte[] root1, byte[] root2, List<byte[]> proof)
                throws VerificationException {
            if (first <= 0 || first > second) {
                // A proof from the empty tree proves nothing (every tree extends it): refused, as transparency-dev does.
                throw new VerificationException("no consistency between tree sizes " + first + " and " + second);
            }
            if (first == second) {
                if (!proof.isEmpty() || !Arrays.equals(root1, root2)) {
                    throw new VerificationException("two different roots for tree size " + first);
                }
                return;
            }
            if (proof.isEmpty()) {
                throw new VerificationException("empty consistency proof");
            }
            requireHash(root1, "first root");
            requireHash(root2, "second root");
            for (byte[] p : proof) {
                requireHash(p, "proof node");
            }
            List<byte[]> path = new ArrayList<>(proof);
            if (Long.bitCount(first) == 1) {
                path.add(0, root1);
            }
            ProofPath walk = new ProofPath(first - 1, second - 1);
            while ((walk.fn & 1) == 1) {
                walk.up();
            }
            byte[] fr = path.get(0);
            byte[] sr = path.get(0);
            for (byte[] c : path.subList(1, path.size())) {
                if (walk.sn == 0) {
                    throw new VerificationException("the consistency proof is too long");
                }
                if (walk.nodeOnLeft()) {
                    fr = nodeHash(c, fr);
                    sr = nodeHash(c, sr);
                } else {
                    sr = nodeHash(sr, c);
                }
                walk.up();
            }
            if (walk.sn != 0 || !Arrays.equals(fr, root1) || !Arrays.equals(sr, root2)) {
                throw new VerificationException("tree size " + first + " is not a prefix of tree size " + second + " with these roots");
            }
        }

        private static void requireHash(byte[] hash, String what) throws VerificationException {
            if (hash == null || hash.length != HASH_SIZE) {
                throw new VerificationException("the " + what + " is not a " + HASH_SIZE + "-byte hash");
            }
        }

        // ------------------------------------------------------------------ tiles (C2SP tlog-tiles)

        /**
         * The path of a hash tile: {@code tile/<L>/<N>[.p/<W>]}, N in 3-digit groups, all but the last prefixed with
         * {@code x} ({@code 1234067} → {@code x001/x234/067}); {@code width} < 256 names a partial tile.
         */
        public static String tilePath(int level, long index, int width) {
            if (width < 1 || width > TILE_WIDTH) {
                throw new IllegalArgumentException("tile width " + width);
            }
            return "tile/" + level + "/" + tileIndexPath(index) + (width < TILE_WIDTH ? ".p/" + width : "");
        }

        static String tileIndexPath(long index) {
            String digits = Long.toString(index);
            int pad = (3 - digits.length() % 3) % 3;
            digits = "0".repeat(pad) + digits;
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < digits.length(); i += 3) {
                if (i > 0) {
                    out.append('/');
                }
                if (i + 3 < digits.length()) {
                    out.append('x');
                }
                out.append(digits, i, i + 3);
            }
            return out.toString();
        }

        /** Parses what follows {@code tile/}: {@code <L>/<N>[.p/<W>]} → {level, index, width}; null if malformed. */
        public static long[] parseTilePath(String path) {
            String[] parts = path.split("/", -1);
            if (parts.length < 2) {
                return null;
            }
            int width = TILE_WIDTH;
            int last = parts.length - 1;
            if (parts.length >= 3 && parts[last - 1].endsWith(".p")) {
                if (!parts[last].matches("[1-9][0-9]{0,2}")) {
                    return null;
                }
                width = Integer.parseInt(parts[last]);
                if (width >= TILE_WIDTH) {
                    return null;
                }
                parts[last - 1] = parts[last - 1].substring(0, parts[last - 1].length() - 2);
                last--;
            }
            if (!parts[0].matches("[0-9]|[1-5][0-9]|6[0-3]")) {
                return null;
            }
            StringBuilder digits = new StringBuilder();
            for (int i = 1; i <= last; i++) {
                String group = parts[i];
                boolean prefixed = i < last;
                if (prefixed ? !group.matches("x[0-9]{3}") : !group.matches("[0-9]{3}")) {
                    return null;
                }
                digits.append(prefixed ? group.substring(1) : group);
            }
            if (digits.length() > 18) {
                return null;
            }
            return new long[] {Integer.parseInt(parts[0]), Long.parseLong(digits.toString()), width};
        }

        /** The width of tile {@code (level, index)} in a tree of {@code size} leaves (0 if the tile is empty). */
        public static int tileWidth(int level, long index, long size) {
            long nodes = size >>> (TILE_HEIGHT * level); // complete nodes of level 8*level
            long inTile = nodes - index * TILE_WIDTH;
            return (int) Math.max(0, Math.min(TILE_WIDTH, inTile));
        }

        /**
         * The hash of node {@code (level, index)} from its tile's hashes ({@code tileHashes}: the concatenated hashes of
         * tile {@code (level / 8, index >> (level % 8) / 256)}, at least as wide as needed): the node at level 8L is
         * stored, levels in between are recomputed from the 2^(level % 8) stored hashes below them.
         */
        public static byte[] nodeFromTile(int level, long index, byte[] tileHashes) {
            int r = level % TILE_HEIGHT;
            long firstStored = index << r;
            int offset = (int) (firstStored % TILE_WIDTH);
            List<byte[]> row = new ArrayList<>(1 << r);
            for (int i = 0; i < 1 << r; i++) {
                int from = (offset + i) * HASH_SIZE;
                if (from + HASH_SIZE > tileHashes.length) {
                    throw new IllegalArgumentException("the tile does not hold node (" + level + ", " + index + ")");
                }
                row.add(Arrays.copyOfRange(tileHashes, from, from + HASH_SIZE));
            }
            while (row.size() > 1) {
                List<byte[]> up = new ArrayList<>(row.size() / 2);
                for (int i = 0; i < row.size(); i += 2) {
                    up.add(nodeHash(row.get(i), row.get(i + 1)));
                }
                row = up;
            }
            return row.get(0);
        }

        /** The tile {@code {tileLevel, tileIndex}} that holds node {@code (level, index)}. */
        public static long[] tileOf(int level, long index) {
            int r = level % TILE_HEIGHT;
            return new long[] {level / TILE_HEIGHT, (index << r) / TILE_WIDTH};
        }

        // ------------------------------------------------------------------ checkpoints (C2SP tlog-checkpoint, signed-note)

        /**
         * A checkpoint body: origin line, tree size, base64 root hash, then optional extension lines; every line ends
         * with a newline. {@link #note} signs it, {@link #open} verifies and parses a signed note.
         */
        public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

            public Checkpoint {
                if (origin == null || origin.isEmpty() || origin.contains("\n")) {
                    throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
                }
                if (size < 0 || root == null || root.length != HASH_SIZE) {
                    throw new IllegalArgumentException("a checkpoint holds a tree size and a 32-byte root hash");
                }
                extensions = List.copyOf(extensions);
                for (String line : extensions) {
                    if (line.isEmpty() || line.contains("\n")) {
                        throw new IllegalArgumentException("a checkpoint extension is one non-empty line");
                    }
                }
                root = root.clone();
            }

            public Checkpoint(String origin, long size, byte[] root) {
                this(origin, size, root, List.of());
            }

            /** The signed text. */
            public String body() {
                StringBuilder out = new StringBuilder(origin).append('\n').append(size).append('\n')
                        .append(Base64.getEncoder().encodeToString(root)).append('\n');
                for (String line : extensions) {
                    out.append(line).append('\n');
                }
                return out.toString();
            }

            /** Parses a checkpoint body (the note text, without signatures). */
            public static Checkpoint parse(String body) throws VerificationException {
                if (!body.endsWith("\n")) {
                    throw new VerificationException("a checkpoint ends with a newline");
                }
                String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
                if (lines.length < 3 || lines[0].isEmpty()) {
                    throw new VerificationException("a checkpoint has an origin, a tree size and a root hash");
                }
                if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
                    throw new VerificationException("the tree size is not a decimal number: " + lines[1]);
                }
                byte[] root;
                try {
                    root = Base64.getDecoder().decode(lines[2]);
                } catch (IllegalArgumentException e) {
                    throw new VerificationException("the root hash is not base64");
                }
                if (root.length != HASH_SIZE) {
                    throw new VerificationException("the root hash is not 32 bytes");
                }
                try {
                    return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, Arrays.asList(lines).subList(3, lines.length));
                } catch (IllegalArgumentException e) {
                    throw new VerificationException(e.getMessage());
                }
            }
        }

        /** One signature line of a note: the key's name, its 4-byte key hash and the signature. */
        public record NoteSignature(String name, byte[] keyHash, byte[] signature) {
        }

        /** A parsed signed note: its text and its signature lines (unverified). */
        public record Note(String text, List<NoteSignature> signatures) {
        }

        /** The raw 32-byte Ed25519 public key inside an X.509 encoded one. */
        public static byte[] rawEd25519(PublicKey key) {
            byte[] spki = key.getEncoded();
            if (spki.length != ED25519_SPKI_PREFIX.length + 32
                    || !Arrays.equals(Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
                throw new IllegalArgumentException("not an Ed25519 public key");
            }
            return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
        }

        public static PublicKey ed25519FromRaw(byte[] raw) throws GeneralSecurityException {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
            return java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        }

        /** signed-note key hash: the first 4 bytes of {@code SHA-256(name || 0x0A || 0x01 || raw public key)}. */
        public static byte[] keyHash(String name, PublicKey key) {
            byte[] hash = sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519_TYPE}, rawEd25519(key));
            return Arrays.copyOf(hash, 4);
        }

        /** The verifier key string {@code <name>+<hex key hash>+<base64(0x01 || raw key)>} that note tools accept. */
        public static String verifierKey(String name, PublicKey key) {
            byte[] typed = new byte[33];
            typed[0] = ED25519_TYPE;
            System.arraycopy(rawEd25519(key), 0, typed, 1, 32);
            return name + "+" + java.util.HexFormat.of().formatHex(keyHash(name, key)) + "+" + Base64.getEncoder().encodeToString(typed);
        }

        /** Parses a verifier key string into its name and public key, checking its key hash. */
        public static java.util.Map.Entry<String, PublicKey> parseVerifierKey(String vkey) throws VerificationException {
            // name + hash + base64: the name has no '+', the base64 may hold some (split at the first two only)
            String[] parts = vkey.trim().split("\\+", 3);
            try {
                if (parts.length != 3) {
                    throw new VerificationException("a verifier key is name+hash+key");
                }
                byte[] typed = Base64.getDecoder().decode(parts[2]);
                if (typed.length != 33 || typed[0] != ED25519_TYPE) {
                    throw new VerificationException("not an Ed25519 verifier key");
                }
                PublicKey key = ed25519FromRaw(Arrays.copyOfRange(typed, 1, 33));
                if (!java.util.HexFormat.of().formatHex(keyHash(parts[0], key)).equals(parts[1])) {
                    throw new VerificationException("the verifier key's hash does not match its name and key");
                }
                return java.util.Map.entry(parts[0], key);
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new VerificationException("unreadable verifier key: " + e.getMessage());
            }
        }

        /**
         * One published checkpoint key: its signed-note name, key hash (its id: the 4 bytes that every signature line
         * it makes carries) and public key, and the period it signs: the tree sizes {@code firstSize} to
         * {@code lastSize} ({@code -1}: still active, no end), and for people the instants it was made active and
         * retired ({@code -} when unknown or not yet).
         */
        public record PublishedKey(String name, byte[] keyHash, PublicKey key, long firstSize, long lastSize,
                                   String activatedAt, String retiredAt) {

            public PublishedKey {
                keyHash = keyHash.clone();
                activatedAt = activatedAt == null || activatedAt.isBlank() ? "-" : activatedAt;
                retiredAt = retiredAt == null || retiredAt.isBlank() ? "-" : retiredAt;
            }

            /** The key's id: its signed-note key hash in hex (8 digits). */
            public String id() {
                return java.util.HexFormat.of().formatHex(keyHash);
            }

            /** Whether this key may sign a checkpoint of tree size {@code size}. */
            public boolean covers(long size) {
                return size >= firstSize && (lastSize < 0 || size <= lastSize);
            }

            /** The line of the published set: verifier key, first size, last size or {@code *}, activated, retired. */
            public String line() {
                return verifierKey(name, key) + " " + firstSize + " " + (lastSize < 0 ? "*" : Long.toString(lastSize)) + " "
                        + activatedAt + " " + retiredAt;
            }
        }

        /**
         * The published set of checkpoint keys ({@code /journal/keys}): after rotations, every key that ever signed
         * checkpoints of this log with the tree sizes it signed. A checkpoint names its key by the key hash of its
         * signature line; it verifies only if that key is in the set, its signature verifies with it and its tree size
         * lies in the key's period, so a retired key (even stolen later) cannot sign a larger tree. Text: a header line
         * {@value #HEADER}, then one {@link PublishedKey#line()} per key, oldest first ({@code #} lines are comments).
         */
        public static final class KeySet {

            public static final String HEADER = "# gestan-journal-keys v1";

            private final List<PublishedKey> keys;

            public KeySet(List<PublishedKey> keys) {
                if (keys.isEmpty()) {
                    throw new IllegalArgumentException("a key set holds at least one key");
                }
                this.keys = List.copyOf(keys);
            }

            /** One key signing every tree size (a log never rotated, or a verifier given a single public key). */
            public static KeySet of(String name, PublicKey key) {
                return new KeySet(List.of(new PublishedKey(name, keyHash(name, key), key, 0, -1, null, null)));
            }

            public List<PublishedKey> keys() {
                return keys;
            }

            /** The key that signs new checkpoints: the last one. */
            public PublishedKey newest() {
                return keys.get(keys.size() - 1);
            }

            /** The published text. */
            public String text() {
                StringBuilder out = new StringBuilder(HEADER).append('\n')
                        .append("# <verifier key> <first tree size> <last tree size, * while active> <activated> <retired>\n");
                for (PublishedKey key : keys) {
                    out.append(key.line()).append('\n');
                }
                return out.toString();
            }

            /**
             * The verifier key of the newest key of a published set's text ({@link #text()}): the first field of its last
             * key line, as {@code verifierKey(newest().name(), newest().key())} wrote it; no key is decoded. A page that
             * shows both the set and the key reads the set once (docs/performance.md 4.47). Null when the text lists no key.
             */
            public static String newestVerifierKey(String text) {
                List<String> lines = keyLines(text);
                return lines.isEmpty() ? null : lines.get(lines.size() - 1).split("\\s+", 2)[0];
            }

            /** A published set's key lines, stripped: without blank lines and {@code #} comments. */
            private static List<String> keyLines(String text) {
                List<String> lines = new ArrayList<>();
                for (String raw : text.replace("\r", "").split("\n")) {
                    String line = raw.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
                return lines;
            }

            /** Reads a published set (see {@link #text()}); lines with fewer fields default to every size. */
            public static KeySet parse(String text) throws VerificationException {
                List<PublishedKey> keys = new ArrayList<>();
                for (String line : keyLines(text)) {
                    String[] f = line.split("\\s+");
                    java.util.Map.Entry<String, PublicKey> parsed = parseVerifierKey(f[0]);
                    try {
                        long first = f.length > 1 ? Long.parseLong(f[1]) : 0;
                        long last = f.length > 2 && !"*".equals(f[2]) ? Long.parseLong(f[2]) : -1;
                        if (first < 0 || (last >= 0 && last < first)) {
                            throw new VerificationException("the period of key " + f[0] + " is empty");
                        }
                        keys.add(new PublishedKey(parsed.getKey(), keyHash(parsed.getKey(), parsed.getValue()), parsed.getValue(),
                                first, last, f.length > 3 ? f[3] : null, f.length > 4 ? f[4] : null));
                    } catch (NumberFormatException e) {
                        throw new VerificationException("a key's tree sizes are decimal numbers: " + line);
                    }
                }
                if (keys.isEmpty()) {
                    throw new VerificationException("the key set lists no key");
                }
                return new KeySet(keys);
            }

            /** A key file: a key set, or one PEM public key (the log's key before rotations) signing every size. */
            public static KeySet read(String text, String nameIfPem) throws VerificationException, GeneralSecurityException {
                return text.contains("-----BEGIN PUBLIC KEY-----") ? of(nameIfPem, readPublicKeyPem(text)) : parse(text);
            }

            /** The key a v1 checkpoint (of the old hash chain) names by {@link JournalVerifier#keyId}; else the oldest. */
            public PublicKey legacyKey(String keyId) {
                return keys.stream().filter(k -> JournalVerifier.keyId(k.key()).equals(keyId)).findFirst()
                        .orElse(keys.get(0)).key();
            }

            /**
             * Verifies a signed checkpoint of log {@code name} and returns it: a signature line of that name whose key
             * hash names a key of the set, verifying with it, for a tree size in that key's period.
             */
            public Checkpoint open(String note, String name) throws VerificationException {
                Note parsed = parseNote(note);
                String refused = null;
                for (NoteSignature s : parsed.signatures()) {
                    if (!s.name().equals(name)) {
                        continue;
                    }
                    PublishedKey key = keys.stream().filter(k -> k.name().equals(name) && Arrays.equals(k.keyHash(), s.keyHash()))
                            .findFirst().orElse(null);
                    if (key == null) {
                        refused = "the checkpoint is signed by key " + java.util.HexFormat.of().formatHex(s.keyHash())
                                + ", which is not in the published key set";
                        continue;
                    }
                    Checkpoint checkpoint = MerkleLog.open(note, name, key.key());
                    if (!key.covers(checkpoint.size())) {
                        throw new VerificationException("the checkpoint of tree size " + checkpoint.size() + " is signed by key "
                                + key.id() + " outside its period (tree sizes " + key.firstSize() + " to "
                                + (key.lastSize() < 0 ? "now" : key.lastSize()) + ")");
                    }
                    return checkpoint;
                }
                throw new VerificationException(refused != null ? refused : "the checkpoint is not signed by " + name);
            }

            /** {@link #open(String, String)} with the note's own origin line as the name. */
            public Checkpoint open(String note) throws VerificationException {
                return open(note, note.substring(0, Math.max(0, note.indexOf('\n'))));
            }
        }

        /** Signs {@code text} (ending with a newline) as a note: the text, a blank line, and one signature line. */
        public static String sign(String text, String name, PrivateKey privateKey, PublicKey publicKey) {
            if (!text.endsWith("\n") || text.contains("\n\n") || name.isEmpty() || name.contains(" ") || name.contains("+")) {
                throw new IllegalArgumentException("a note text ends with one newline and has no blank line; a key name has no space nor +");
            }
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(privateKey);
                signer.update(text.getBytes(StandardCharsets.UTF_8));
                byte[] sig = signer.sign();
                byte[] hashAndSig = new byte[4 + sig.length];
                System.arraycopy(keyHash(name, publicKey), 0, hashAndSig, 0, 4);
                System.arraycopy(sig, 0, hashAndSig, 4, sig.length);
                return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(hashAndSig) + "\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a note", e);
            }
        }

        /** Splits a signed note into its text and signature lines, without verifying anything. */
        public static Note parseNote(String note) throws VerificationException {
            int split = note.lastIndexOf("\n\n");
            if (split < 0 || !note.endsWith("\n")) {
                throw new VerificationException("a signed note is a text, a blank line and signature lines");
            }
            String text = note.substring(0, split + 1);
            List<NoteSignature> signatures = new ArrayList<>();
            for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
                if (!line.startsWith("\u2014 ")) {
                    throw new VerificationException("a signature line starts with an em dash and a space");
                }
                String[] parts = line.substring(2).split(" ", -1);
                if (parts.length != 2 || parts[0].isEmpty()) {
                    throw new VerificationException("a signature line is a key name and a base64 signature");
                }
                byte[] decoded;
                try {
                    decoded = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    throw new VerificationException("a signature is not base64");
                }
                if (decoded.length < 5) {
                    throw new VerificationException("a signature is too short");
                }
                signatures.add(new NoteSignature(parts[0], Arrays.copyOf(decoded, 4), Arrays.copyOfRange(decoded, 4, decoded.length)));
            }
            if (signatures.isEmpty()) {
                throw new VerificationException("a signed note has at least one signature");
            }
            return new Note(text, signatures);
        }

        /**
         * Verifies a signed checkpoint with the key {@code name} and returns it: at least one signature line must carry
         * that name and key hash and verify (other signatures, e.g. witnesses', are ignored).
         */
        public static Checkpoint open(String note, String name, PublicKey key) throws VerificationException {
            Note parsed = parseNote(note);
            byte[] expectedHash = keyHash(name, key);
            boolean seen = false;
            for (NoteSignature s : parsed.signatures()) {
                if (!s.name().equals(name) || !Arrays.equals(s.keyHash(), expectedHash)) {
                    continue;
                }
                seen = true;
                try {
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(key);
                    verifier.update(parsed.text().getBytes(StandardCharsets.UTF_8));
                    if (verifier.verify(s.signature())) {
                        Checkpoint checkpoint = Checkpoint.parse(parsed.text());
                        if (!checkpoint.origin().equals(name)) {
                            throw new VerificationException("the checkpoint's origin " + checkpoint.origin() + " is not the key's name " + name);
                        }
                        return checkpoint;
                    }
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // an unusable signature counts as a wrong one
                }
            }
            throw new VerificationException(seen ? "the checkpoint's signature does not verify with the key of " + name
                    : "the checkpoint is not signed by " + name);
        }
    }
}

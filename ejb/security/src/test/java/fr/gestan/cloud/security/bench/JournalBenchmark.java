package fr.gestan.cloud.security.bench;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.internal.LogBenchSupport;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;

/**
 * The journal benchmark (a program, not a test; {@code mvn verify} does not run it). Needs a PostgreSQL database
 * whose journal tables it may drop and create again (use a database of its own). Run from the repository root after
 * {@code mvn -q -B verify -pl ejb/security -am}:
 * <pre>
 * java -cp ejb/security/target/classes:ejb/security/target/test-classes:ejb/common/target/classes:$HOME/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar \
 *      fr.gestan.cloud.security.bench.JournalBenchmark jdbc:postgresql://127.0.0.1:5432/gestan_bench postgres "" 10 1000000
 * </pre>
 * Arguments: JDBC URL, user, password, seconds per run (default 10), entries for the verification run (default
 * 1,000,000); or JDBC URL, user, password, {@code verify}: only the verification and proofs, on the log a previous
 * run left. Measured, in one run on the same database and the same shape of table:
 * <ol>
 * <li>appends per second with 1, 4 and 16 writers, each append its own transaction: plain single-row INSERTs into
 * {@code bench_plain} (the shape of {@code journal_entry}) beside the application's log append (the MAC'd v2 row,
 * no lock) while the sequencer (every 50 ms) and the checkpoint signer (every 250 ms) run, as in the server;</li>
 * <li>from commit to inclusion in a signed checkpoint, p50 and p99, for sampled appends of the 16-writer run;</li>
 * <li>verifying the log at N entries (leaves recomputed, MACs checked, tree rebuilt, tiles and checkpoints
 * compared) beside {@code COPY} of the same rows to a file and {@code sha256sum} of that file, twice (a JVM that has
 * not compiled the verification yet, then one that has), printed as ratios of the times measured in the same run,
 * and the CPU seconds of the second run (JVM, PostgreSQL backends when local, {@code sha256sum});</li>
 * <li>an inclusion proof's size and the time to read and to verify one, at N entries.</li>
 * </ol>
 */
public final class JournalBenchmark {

    static final int BATCH = 1_000;

    private final String url;
    private final String user;
    private final String password;
    private final LogBenchSupport log;

    private JournalBenchmark(String url, String user, String password, KeyPair key) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.log = new LogBenchSupport(url, user, password, BATCH, key);
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/gestan_bench";
        String user = args.length > 1 ? args[1] : "postgres";
        String password = args.length > 2 ? args[2] : "";
        if (args.length > 3 && args[3].equals("verify")) {
            // Only the verification and proof measures, on a log a previous run left.
            JournalBenchmark again = new JournalBenchmark(url, user, password, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            try (Connection c = again.connect(); Statement sql = c.createStatement()) {
                sql.execute("delete from journal_log_checkpoint"); // signed with the previous run's throw-away key
            }
            again.log.sign(0);
            again.verify();
            again.proofs();
            return;
        }
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int verifyEntries = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        JournalBenchmark bench = new JournalBenchmark(url, user, password, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        bench.reset();
        System.out.printf("%-8s %14s %14s %8s%n", "writers", "plain INSERT/s", "log append/s", "ratio");
        List<long[]> samples = List.of();
        for (int writers : new int[] {1, 4, 16}) {
            double plain = bench.run(writers, seconds, false, null);
            ConcurrentLinkedQueue<long[]> committed = new ConcurrentLinkedQueue<>();
            double logged = bench.run(writers, seconds, true, committed);
            System.out.printf("%d %.0f/s %.0f/s %.0f%%%n", writers, plain, logged, 100 * logged / plain);
            if (writers == 16) {
                samples = new ArrayList<>(committed);
            }
        }
        bench.latency(samples);
        bench.fill(verifyEntries);
        bench.verify();
        bench.proofs();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void reset() throws Exception {
        LogBenchSupport.reset(url, user, password);
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("drop table if exists bench_plain");
            sql.execute("create table bench_plain (like journal_entry including all)");
        }
    }

    /** Runs writers for the given seconds; with {@code logged}, the sequencer and signer run alongside, as in the server. */
    private double run(int writers, int seconds, boolean logged, ConcurrentLinkedQueue<long[]> committed) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Long> batchMs = Collections.synchronizedList(new ArrayList<>());
        Future<?> background = logged ? pool.submit(() -> {
            while (!stop.get()) {
                long t = System.nanoTime();
                int n = log.sequenceOnce();
                long s = System.nanoTime();
                if (n == BATCH) {
                    batchMs.add((s - t) / 1_000_000 * 100_000 + n);
                    continue; // behind: no pause, as the server does
                }
                log.sign(250);
                batchMs.add((s - t) / 1_000_000 * 100_000 + Math.max(0, n));
                Thread.sleep(50);
            }
            return null;
        }) : null;
        List<Future<Long>> counts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            counts.add(pool.submit(() -> writer(writer, logged, stop, committed)));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (background != null) {
            background.get();
            List<Long> times = batchMs.stream().map(v -> v / 100_000).sorted().toList();
            long leaves = batchMs.stream().mapToLong(v -> v % 100_000).sum();
            System.out.printf("  sequencer: %d batches, %d leaves, batch time p50 %d ms, p99 %d ms%n", times.size(), leaves,
                    times.get(times.size() / 2), times.get((int) (times.size() * 0.99)));
        }
        pool.shutdown();
        return total / elapsed;
    }

    private long writer(int writer, boolean logged, AtomicBoolean stop, ConcurrentLinkedQueue<long[]> committed) throws SQLException {
        long n = 0;
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                LogBenchSupport.INSERT.formatted(logged ? "journal_entry" : "bench_plain"), new String[] {"id"})) {
            while (!stop.get()) {
                LogBenchSupport.append(insert, n, writer);
                insert.executeUpdate();
                if (committed != null && n % 20 == 0) {
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        committed.add(new long[] {keys.getLong(1), System.currentTimeMillis()});
                    }
                }
                n++;
            }
        }
        return n;
    }

    /** Commit → first signed checkpoint covering the entry, for the sampled appends. */
    private void latency(List<long[]> samples) throws Exception {
        while (log.sequenceOnce() > 0) {
            // the tail of the run
        }
        log.sign(0);
        List<Long> delays = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement position = c.prepareStatement("select position from journal_leaf where entry_id = ?");
             PreparedStatement signed = c.prepareStatement(
                     "select min(created_at_us) from journal_log_checkpoint where tree_size > ?")) {
            for (long[] sample : samples) {
                position.setLong(1, sample[0]);
                long pos;
                try (ResultSet rs = position.executeQuery()) {
                    rs.next();
                    pos = rs.getLong(1);
                }
                signed.setLong(1, pos);
                try (ResultSet rs = signed.executeQuery()) {
                    rs.next();
                    delays.add(rs.getLong(1) / 1000 - sample[1]);
                }
            }
        }
        Collections.sort(delays);
        System.out.printf("commit -> signed checkpoint (16 writers, %d samples): p50 %d ms, p99 %d ms, max %d ms%n", delays.size(),
                delays.get(delays.size() / 2), delays.get((int) (delays.size() * 0.99)), delays.get(delays.size() - 1));
    }

    /** Appends in batches and sequences until the log holds {@code entries}. */
    private void fill(int entries) throws Exception {
        long start = System.nanoTime();
        long have;
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from journal_entry")) {
            rs.next();
            have = rs.getLong(1);
        }
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(LogBenchSupport.INSERT.formatted("journal_entry"))) {
            c.setAutoCommit(false);
            for (long n = have; n < entries; n++) {
                LogBenchSupport.append(insert, n, 0);
                insert.addBatch();
                if (n % 5_000 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        double inserted = (System.nanoTime() - start) / 1e9;
        long t = System.nanoTime();
        while (log.sequenceOnce() > 0) {
            // 2,000 per batch
        }
        log.sign(0);
        System.out.printf("filled the log up to %,d entries: inserted in %.1f s, sequenced in %.1f s%n", entries, inserted,
                (System.nanoTime() - t) / 1e9);
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("vacuum analyze journal_entry");
            sql.execute("vacuum analyze journal_leaf");
        }
    }

    /**
     * Verification beside {@code sha256sum} of the same rows exported by {@code COPY}, twice, alternated (verify,
     * export, {@code sha256sum}, verify, {@code sha256sum}): the first verification runs in a JVM where its code is not
     * compiled yet, the second as in a server that has run one before; each is divided by the {@code sha256sum} time
     * measured next to it.
     */
    private void verify() throws Exception {
        double[] cpu = new double[6];
        double first = timedVerification(null);
        Path file = Files.createTempFile("journal-copy", ".txt");
        long start = System.nanoTime();
        try (Connection c = connect(); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select e.* from journal_leaf l join journal_entry e "
                    + "on e.id = l.entry_id order by l.position) to stdout", out);
        }
        double copied = (System.nanoTime() - start) / 1e9;
        double hashedFirst = sha256sum(file, null);
        double second = timedVerification(cpu);
        double hashedSecond = sha256sum(file, cpu);
        long size = Files.size(file);
        Files.delete(file);
        System.out.printf("COPY of the same rows %.2f s (%,d MB); sha256sum %.2f s and %.2f s%n", copied, size >> 20, hashedFirst, hashedSecond);
        System.out.printf("verification / sha256sum: %.2f x (first run %.2f s), %.2f x (second run %.2f s); goal <= 1.5 x%n",
                first / hashedFirst, first, second / hashedSecond, second);
        if (cpu[1] >= 0 && cpu[2] > 0) {
            // CPU seconds do not depend on what else the shared cores run (the wall times above do, a lot).
            System.out.printf("CPU time of the second run: verification %.2f s (this JVM %.2f s + PostgreSQL backends %.2f s), "
                    + "sha256sum %.2f s: %.2f x%n", cpu[0] + cpu[1], cpu[0], cpu[1], cpu[2], (cpu[0] + cpu[1]) / cpu[2]);
        }
        if (cpu[3] >= 0) {
            // The JVM's part split by thread: the verification's own work, and what a JVM adds (compiling, collecting).
            System.out.printf("JVM CPU of the second run by thread: JIT compilers %.2f s, garbage collector %.2f s, the rest "
                    + "(verification and driver) %.2f s%n", cpu[3], cpu[4], cpu[0] - cpu[3] - cpu[4]);
        }
    }

    /** Wall time; with {@code cpu}, the JVM's and the backend's CPU seconds into {@code cpu[0]} and {@code cpu[1]}. */
    private double timedVerification(double[] cpu) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long jvmStart = os.getProcessCpuTime();
        double[] threadsStart = compilerAndGcCpu();
        double[] backends = {0};
        JournalVerifier.Result result = log.verify(() -> measured(connect(), backends));
        double backend = backends[0];
        double verified = (System.nanoTime() - start) / 1e9;
        if (cpu != null) {
            cpu[0] = (os.getProcessCpuTime() - jvmStart) / 1e9;
            cpu[1] = backend;
            double[] threadsEnd = compilerAndGcCpu();
            cpu[3] = threadsStart == null || threadsEnd == null ? -1 : threadsEnd[0] - threadsStart[0];
            cpu[4] = threadsStart == null || threadsEnd == null ? -1 : threadsEnd[1] - threadsStart[1];
        }
        System.out.printf("verified %,d entries in %.2f s: %s%n", result.entriesChecked(), verified, result);
        if (!result.ok()) {
            throw new IllegalStateException("the benchmark's log does not verify: " + result);
        }
        return verified;
    }

    /**
     * CPU seconds so far of this JVM's JIT compiler threads and of its garbage collector's threads (HotSpot's thread
     * names, from {@code /proc/self/task}: they live as long as the JVM, unlike the verification's own threads); null
     * where there is no {@code /proc}.
     */
    private static double[] compilerAndGcCpu() throws java.io.IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        double[] cpu = new double[2];
        try (java.util.stream.Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                String line;
                try {
                    line = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException ended) {
                    continue; // a thread that ended meanwhile
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    cpu[0] += seconds;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    cpu[1] += seconds;
                }
            }
        }
        return cpu;
    }

    /** Wall time; with {@code cpu}, its user + system CPU seconds into {@code cpu[2]} (by GNU time, when installed). */
    private static double sha256sum(Path file, double[] cpu) throws Exception {
        boolean timed = cpu != null && Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> command = timed ? List.of("/usr/bin/time", "-f", "cpu %U %S", "sha256sum", file.toString())
                : List.of("sha256sum", file.toString());
        long start = System.nanoTime();
        Process sha = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(sha.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (sha.waitFor() != 0) {
            throw new IllegalStateException("sha256sum failed: " + out);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (timed) {
            String[] f = out.substring(out.lastIndexOf("cpu ")).trim().split(" ");
            cpu[2] = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
        }
        return wall;
    }

    /**
     * The connection, whose backend's CPU seconds from now to its {@code close()} are added to {@code total[0]} (the
     * verification opens two: the entries on one, the leaves and tiles on the other); negative when not measurable.
     */
    private static Connection measured(Connection c, double[] total) throws Exception {
        Path stat = backendStat(c);
        double start = cpuSeconds(stat);
        if (stat == null) {
            total[0] = -1e9;
        }
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !c.isClosed()) {
                        total[0] += cpuSeconds(stat) - start;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The backend process's {@code /proc} stat file, when PostgreSQL runs on this machine (else null). */
    private static Path backendStat(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            Path stat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
            return Files.isReadable(stat) ? stat : null;
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} file, in seconds (clock ticks of 1/100 s); -1 without it. */
    private static double cpuSeconds(Path stat) throws java.io.IOException {
        if (stat == null) {
            return -1e9;
        }
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private void proofs() throws Exception {
        try (Connection c = connect()) {
            long size;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select tree_size from journal_log_state")) {
                rs.next();
                size = rs.getLong(1);
            }
            byte[] root = LogBenchSupport.root(c, size);
            int runs = 200;
            long read = 0;
            long check = 0;
            int bytes = 0;
            for (int i = 0; i < runs; i++) {
                long position = ThreadLocalRandom.current().nextLong(size);
                long t = System.nanoTime();
                List<byte[]> proof = LogBenchSupport.inclusion(c, position, size);
                byte[] leaf = LogBenchSupport.leafHash(c, position);
                read += System.nanoTime() - t;
                t = System.nanoTime();
                MerkleLog.verifyInclusion(position, size, leaf, proof, root);
                check += System.nanoTime() - t;
                bytes = proof.size() * MerkleLog.HASH_SIZE;
            }
            System.out.printf("inclusion proof at %,d entries: %d hashes (%d bytes), read from tiles in %.2f ms, verified in %.3f ms (mean of %d)%n",
                    size, bytes / 32, bytes, read / 1e6 / runs, check / 1e6 / runs, runs);
            long t = System.nanoTime();
            List<byte[]> consistency = MerkleLog.consistencyProof(size / 3, size, new LogTilesAccess(c));
            System.out.printf("consistency proof %,d -> %,d: %d hashes, %.2f ms%n", size / 3, size, consistency.size(),
                    (System.nanoTime() - t) / 1e6);
        }
    }

    /** Reads nodes through the root computation support (tiles). */
    private record LogTilesAccess(Connection c) implements MerkleLog.NodeSource {
        @Override
        public byte[] node(int level, long index) {
            return LogBenchSupport.node(c, level, index);
        }
    }
}

package fr.gestan.cloud.perf;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of one page view, measured on a shared machine (docs/performance.md 4.13): one client, one request at a
 * time, each request of a page right after a request of the home page (the trivial page: same Faces servlet and
 * layout, no database), so that both see the same load of the machine; the page's mean, median and p95 are then
 * given as ratios to the home page's requests made alongside it. Each answer must be a 200 holding the layout's footer
 * and {@code </html>}.
 *
 * <pre>
 * mvn -B -o -q -Pperf -pl perf test-compile
 * java -cp perf/target/test-classes fr.gestan.cloud.perf.PageCost https://localhost:26443 200 /status /trust "/verify?number=…"
 * java -Duser=admin.demo -Dpassword=… -Dtotp=&lt;Base32&gt; -cp perf/target/test-classes fr.gestan.cloud.perf.PageCost \
 *     https://localhost:26443 100 /admin/ /admin/hosting/
 * </pre>
 * A path {@code search:<text>} is the staff tenant list's search (its "Apply" button's AJAX post, as the browser and
 * the harness send it, on a view of {@code /admin/tenants/index.xhtml} opened once): the answer must be a whole partial
 * response without {@code <error>}. A path {@code tablepage:<first>} is the list's AJAX paging to the page at row
 * {@code first} (the harness's "tenant list, page 2" is {@code tablepage:25}), each on the same view of the list; a path
 * {@code newtablepage:<first>} is the same paging on a view of the list opened just before it, untimed, as the harness
 * does ("page 2" is the first AJAX request of the view its "tenant list" GET opened).
 * The path {@value #EXPORT} is the client's "Exporter" request (GestanSimulation.exportRequest: the button's AJAX post
 * on a view of {@code /portal/tenants/export.xhtml}): before each of its rounds, untimed, the export page is opened
 * (its view state and nonce) once the previous round's export has finished, so that no background build runs while
 * the pair is timed; the answer must be a whole partial response holding the list and no {@code <error>}, with a new
 * export at its head. A path {@code fresh:<path>} is that page requested on a new connection each time (TCP and a full
 * TLS handshake included, as a visitor following a link and the harness's /verify scenario), its home page on the kept one.
 * With {@code -Duser} the client first signs in through Keycloak's form (and its TOTP form with {@code -Dtotp}), from
 * the first page. Warm-up: {@code -Dwarmup} requests of each page first (default 20). Needs nothing but the JDK at
 * run time (no Gatling): one client cannot load the server, it only times it.
 * <p>With {@code -Dcpu.pid=<WildFly's pid>} (the client on the server's machine) it also reads, before and after each
 * timed request, the CPU time of the threads that serve requests ({@code /proc/<pid>/task/&#42;/schedstat} of the threads
 * named {@code default task-*} and {@code default I/O-*}), and prints each page's CPU per view against its home
 * pages': the figure that predicts a page's ratio under load (docs/performance.md 4.45–4.49), which moves much less
 * with the machine's load than the times. With the path {@value #EXPORT} it also prints the background build's CPU per
 * export: the CPU of WildFly's threads by kind (request threads, the {@code EJB default} threads where the asynchronous
 * build runs, GC, JIT, the rest) from the start of each export request until the next round finds the export finished,
 * each less what it spends when idle (measured over 3 s before the timed rounds); and with {@code -Dcpu.db=<database>}
 * the CPU of that database's PostgreSQL back ends (processes named {@code postgres: ... <database> ...}) per export
 * request and build, and per home page (docs/performance.md 4.57); for every page, that database's CPU per view beside
 * its home page's (docs/performance.md 4.55). With {@code -Dsave=<folder>} each page's last answer is written there (a
 * file named after its path), to check that two builds send the same page (docs/performance.md 4.74).
 */
public final class PageCost {

    /** As a browser asks: without it the OIDC client answers a sign-in 401 instead of the redirect (bearer-only autodetection). */
    private static final String HTML = "text/html,application/xhtml+xml";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final String SEARCH = "search:";
    private static final String TABLE_PAGE = "tablepage:";
    private static final String NEW_TABLE_PAGE = "newtablepage:";
    private static final String TENANT_LIST = "/admin/tenants/index.xhtml";
    static final String EXPORT = "export:start";
    private static final String FRESH = "fresh:";
    private static final String EXPORT_PAGE = "/portal/tenants/export.xhtml";
    private static final Pattern EXPORT_ROW = Pattern.compile("<li class=\"export-(RUNNING|READY|FAILED)\"");

    private final HttpClient http;
    private final String base;
    /** Each page's weight: the bytes of its last answer's body (UTF-8, as sent: no compression is asked for). */
    private final Map<String, Integer> bytes = new LinkedHashMap<>();

    private PageCost(String base) {
        this.base = base;
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        this.http = HttpClient.newBuilder().sslContext(PerfRealm.trustAll()).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PageCost <base URL> <rounds> <path>...");
            System.exit(2);
        }
        PageCost cost = new PageCost(args[0].replaceAll("/$", ""));
        int rounds = Integer.parseInt(args[1]);
        List<String> pages = Arrays.asList(args).subList(2, args.length);
        if (System.getProperty("user") != null) {
            String first = pages.get(0);
            // an AJAX path signs in from the page it posts to
            String from = EXPORT.equals(first) ? EXPORT_PAGE : first.startsWith(SEARCH) || first.startsWith(TABLE_PAGE)
                    || first.startsWith(NEW_TABLE_PAGE) ? TENANT_LIST
                    : first.startsWith(FRESH) ? first.substring(FRESH.length()) : first;
            cost.signIn(from, System.getProperty("user"), System.getProperty("password"), System.getProperty("totp"));
        }
        int warmup = Integer.getInteger("warmup", 20);
        for (int i = 0; i < warmup; i++) {
            cost.get("/");
            for (String page : pages) {
                cost.prepare(page);
                cost.get(page);
            }
        }
        Map<String, long[]> pageTimes = new LinkedHashMap<>();
        Map<String, long[]> homeTimes = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>(); // nanoseconds of the request threads: {page, home}
        // each view's own figures, for the tail (-Dtail): request threads' ns, its home page's, PostgreSQL's ns, ms since the start
        Map<String, long[][]> each = new LinkedHashMap<>();
        for (String page : pages) {
            pageTimes.put(page, new long[rounds]);
            homeTimes.put(page, new long[rounds]);
            cpu.put(page, new long[2]);
            each.put(page, new long[4][rounds]);
        }
        long started = System.nanoTime();
        java.time.Instant startedAt = java.time.Instant.now();
        RequestThreads threads = System.getProperty("cpu.pid") == null ? null : new RequestThreads(Long.getLong("cpu.pid"));
        DatabaseBackends db = System.getProperty("cpu.db") == null ? null : new DatabaseBackends(System.getProperty("cpu.db"));
        boolean exports = threads != null && pages.contains(EXPORT);
        double[] idlePerNano = new double[5];
        if (exports) { // what WildFly's threads other than the request threads spend with no build running: timers, GC, JIT
            cost.prepare(EXPORT);
            long t0 = System.nanoTime();
            long[] o0 = threads.split();
            Thread.sleep(3_000);
            long[] o1 = threads.split();
            for (int k = 0; k < o0.length; k++) {
                idlePerNano[k] = (double) (o1[k] - o0[k]) / (System.nanoTime() - t0);
            }
        }
        long[] build = new long[5]; // each kind of thread's CPU less its idle rate
        long[] buildDb = new long[2]; // PostgreSQL's, builds measured
        long[] dbHome = new long[1];
        long[] pending = null; // at the start of the last export request: {time ns, PostgreSQL ns, then each kind's ns}
        Map<String, long[]> dbCpu = new LinkedHashMap<>(); // each page's PostgreSQL CPU: {during the page, during its home page}
        for (String page : pages) {
            dbCpu.put(page, new long[2]);
        }
        for (int r = 0; r < rounds; r++) {
            for (String page : pages) { // the home page, then the page: the same moment of the machine for both
                cost.prepare(page);
                if (pending != null && EXPORT.equals(page)) { // the previous export finished: its build is over
                    long[] now = threads.split();
                    long elapsed = System.nanoTime() - pending[0];
                    for (int k = 0; k < now.length; k++) {
                        build[k] += now[k] - pending[2 + k] - (long) (idlePerNano[k] * elapsed);
                    }
                    buildDb[0] += db == null ? 0 : db.nanos() - pending[1];
                    buildDb[1]++;
                    pending = null;
                }
                long dbBefore = db == null ? 0 : db.nanos();
                long before = threads == null ? 0 : threads.nanos();
                homeTimes.get(page)[r] = cost.get("/");
                long between = threads == null ? 0 : threads.nanos();
                long dbBetween = db == null ? 0 : db.nanos();
                if (db != null) {
                    dbHome[0] += dbBetween - dbBefore;
                }
                long[] start = null;
                if (exports && EXPORT.equals(page)) {
                    long[] now = threads.split();
                    start = new long[2 + now.length];
                    start[0] = System.nanoTime();
                    start[1] = db == null ? 0 : db.nanos();
                    System.arraycopy(now, 0, start, 2, now.length);
                }
                long at = System.nanoTime();
                pageTimes.get(page)[r] = cost.get(page);
                long after = threads == null ? 0 : threads.nanos();
                cpu.get(page)[0] += after - between;
                cpu.get(page)[1] += between - before;
                long dbView = db == null ? 0 : db.nanos() - dbBetween;
                if (db != null) {
                    dbCpu.get(page)[0] += dbView;
                    dbCpu.get(page)[1] += dbBetween - dbBefore;
                }
                long[][] mine = each.get(page);
                mine[0][r] = after - between;
                mine[1][r] = between - before;
                mine[2][r] = dbView;
                mine[3][r] = (at - started) / 1_000_000;
                if (start != null) {
                    pending = start;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| page | requests | bytes | mean ms | p50 ms | p95 ms | home mean ms | home p50 ms | home p95 ms"
                + " | mean / home | p50 / home | p95 / home |%n");
        System.out.printf(Locale.ROOT, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (String page : pages) {
            double mean = mean(pageTimes.get(page)), p50 = median(pageTimes.get(page)), p95 = p95(pageTimes.get(page));
            double homeMean = mean(homeTimes.get(page)), homeP50 = median(homeTimes.get(page)), homeP95 = p95(homeTimes.get(page));
            System.out.printf(Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f× | %.1f× |%n", page,
                    rounds, cost.bytes.get(page), mean, p50, p95, homeMean, homeP50, homeP95, mean / homeMean, p50 / homeP50,
                    p95 / homeP95);
        }
        System.out.printf(Locale.ROOT, "(home page: %,d bytes)%n", cost.bytes.get("/"));
        if (threads != null) {
            System.out.printf(Locale.ROOT, "%n| page | request threads' CPU ms a view | home's | CPU / home |%n| --- | ---: | ---: | ---: |%n");
            for (String page : pages) {
                double view = cpu.get(page)[0] / 1e6 / rounds, home = cpu.get(page)[1] / 1e6 / rounds;
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f× |%n", page, view, home, view / home);
            }
        }
        if (db != null) {
            System.out.printf(Locale.ROOT, "%n| page | database's CPU ms a view | during its home page |%n| --- | ---: | ---: |%n");
            for (String page : pages) {
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", page, dbCpu.get(page)[0] / 1e6 / rounds, dbCpu.get(page)[1] / 1e6 / rounds);
            }
        }
        if (Boolean.getBoolean("tail")) {
            System.out.printf(Locale.ROOT, "%nTimed rounds from %s%n", startedAt);
            tail(pages, pageTimes, homeTimes, threads == null ? null : each, db != null);
        }
        if (buildDb[1] > 0) {
            double n = buildDb[1];
            System.out.printf(Locale.ROOT, "%nCPU ms per export from its request's start to the build's end (%d measured; each kind"
                    + " less its idle rate, ms/s): request threads %.1f (%.1f), EJB threads (the build) %.1f (%.1f), GC %.1f (%.1f),"
                    + " JIT %.1f (%.1f), other %.1f (%.1f)%s%n", buildDb[1],
                    build[0] / 1e6 / n, idlePerNano[0] * 1e3, build[1] / 1e6 / n, idlePerNano[1] * 1e3, build[2] / 1e6 / n,
                    idlePerNano[2] * 1e3, build[3] / 1e6 / n, idlePerNano[3] * 1e3, build[4] / 1e6 / n, idlePerNano[4] * 1e3,
                    db == null ? "" : String.format(Locale.ROOT, "; PostgreSQL back ends %.1f (%.2f per home page)",
                            buildDb[0] / 1e6 / n, dbHome[0] / 1e6 / rounds / pages.size()));
        }
    }

    /**
     * {@code -Dtail=true}: each page's distribution (p50, p90, p95, p99, max) of its times and, with {@code -Dcpu.pid},
     * of its request-thread CPU per view beside its home pages'; then its slowest 2 % of views by that CPU, each with
     * the second of the run it started at and its PostgreSQL CPU: what the slow views have in common (a memo computed
     * again once per window of a few seconds shows as slow views that many seconds apart).
     */
    private static void tail(List<String> pages, Map<String, long[]> pageTimes, Map<String, long[]> homeTimes, Map<String, long[][]> each,
                             boolean db) {
        System.out.printf(Locale.ROOT, "%n| page, ms | p50 | p90 | p95 | p99 | max |%n| --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (String page : pages) {
            distribution(page + " time", pageTimes.get(page), 1_000);
            distribution(page + " its home pages' time", homeTimes.get(page), 1_000);
            if (each != null) {
                distribution(page + " request threads' CPU", each.get(page)[0], 1_000_000);
                distribution(page + " its home pages' CPU", each.get(page)[1], 1_000_000);
                if (db) {
                    distribution(page + " PostgreSQL's CPU", each.get(page)[2], 1_000_000);
                }
            }
        }
        if (each == null) {
            return;
        }
        for (String page : pages) {
            long[][] mine = each.get(page);
            int n = mine[0].length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(mine[0][b], mine[0][a]));
            int slow = Math.max(1, n / 50);
            System.out.printf(Locale.ROOT, "%n%s: the %d views of most request-thread CPU (s into the run: CPU ms, PostgreSQL ms)%n", page, slow);
            Integer[] slowest = Arrays.copyOf(order, slow);
            Arrays.sort(slowest, (a, b) -> Long.compare(mine[3][a], mine[3][b]));
            StringBuilder line = new StringBuilder();
            for (int i : slowest) {
                line.append(String.format(Locale.ROOT, " %.1f s: %.1f, %.1f;", mine[3][i] / 1e3, mine[0][i] / 1e6, mine[2][i] / 1e6));
            }
            System.out.println(line);
        }
    }

    private static void distribution(String what, long[] values, double perMs) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", what, rank(sorted, 0.50) / perMs, rank(sorted, 0.90) / perMs,
                rank(sorted, 0.95) / perMs, rank(sorted, 0.99) / perMs, sorted[sorted.length - 1] / perMs);
    }

    /** Nearest rank: the value {@code q} of the sorted values do not exceed. */
    private static long rank(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** The CPU time of the PostgreSQL back ends of one database on this machine ({@code postgres: <user> <db> ...}). */
    private static final class DatabaseBackends {
        private final String marker;

        DatabaseBackends(String database) {
            this.marker = " " + database + " ";
        }

        long nanos() throws java.io.IOException {
            long sum = 0;
            try (java.nio.file.DirectoryStream<java.nio.file.Path> all = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"),
                    p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
                for (java.nio.file.Path process : all) {
                    try {
                        String command = new String(java.nio.file.Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (command.startsWith("postgres: ") && command.contains(marker)) {
                            String stat = java.nio.file.Files.readString(process.resolve("schedstat"));
                            sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                        }
                    } catch (java.io.IOException | RuntimeException ended) {
                        // the process ended meanwhile, or is not ours to read
                    }
                }
            }
            return sum;
        }
    }

    /** The CPU time of a local WildFly's request threads ({@code default task-*}, {@code default I/O-*}), from {@code /proc}. */
    private static final class RequestThreads {
        private final java.nio.file.Path tasks;
        /** Each thread's kind by its id, read once (a thread keeps its name). */
        private final Map<String, Integer> kinds = new java.util.HashMap<>();
        /** The kinds of {@link #split}: request threads, EJB threads (asynchronous calls: the export build; timers), GC, JIT, the rest. */
        static final int REQUEST = 0, EJB = 1, GC = 2, JIT = 3, OTHER = 4;

        RequestThreads(long pid) {
            this.tasks = java.nio.file.Path.of("/proc", Long.toString(pid), "task");
            if (!java.nio.file.Files.isDirectory(tasks)) {
                throw new IllegalArgumentException("no process " + pid + " on this machine (-Dcpu.pid)");
            }
        }

        /** The request threads' CPU time so far, in nanoseconds (the first field of each thread's schedstat). */
        long nanos() throws java.io.IOException {
            return split()[REQUEST];
        }

        /** The CPU time so far of each kind of thread, in nanoseconds (indexed by {@link #REQUEST}, {@link #EJB}, ...). */
        long[] split() throws java.io.IOException {
            long[] sum = new long[5];
            try (java.nio.file.DirectoryStream<java.nio.file.Path> all = java.nio.file.Files.newDirectoryStream(tasks)) {
                for (java.nio.file.Path task : all) {
                    try {
                        int kind = kinds.computeIfAbsent(task.getFileName().toString(), tid -> kind(task));
                        String stat = java.nio.file.Files.readString(task.resolve("schedstat"));
                        sum[kind] += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    } catch (java.io.IOException | java.io.UncheckedIOException ended) {
                        // the thread ended meanwhile
                    }
                }
            }
            return sum;
        }

        private static int kind(java.nio.file.Path task) {
            try {
                String name = java.nio.file.Files.readString(task.resolve("comm")).strip();
                return name.startsWith("default task") || name.startsWith("default I/O") ? REQUEST
                        : name.startsWith("EJB default") ? EJB
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread") ? GC
                        : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT : OTHER;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The tenant list's view this client searches in: its view state and script nonce. */
    private String[] searchView;

    /** The export page's view (state, nonce) for the next {@value #EXPORT} request, and its first row's id. */
    private String[] exportView;

    /**
     * Untimed, before a round's pair: what the page's request needs (the export request: a view, no build running; a
     * {@code newtablepage:} path: a new view of the tenant list).
     */
    private void prepare(String path) throws Exception {
        if (path.startsWith(NEW_TABLE_PAGE)) {
            String[] list = view(TENANT_LIST);
            pagingView = new String[] {list[0], list[1]};
            return;
        }
        if (!EXPORT.equals(path)) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String[] page = view(EXPORT_PAGE);
            Matcher first = EXPORT_ROW.matcher(page[2]);
            boolean running = first.find() && "RUNNING".equals(first.group(1));
            if (!running) {
                exportView = new String[] {page[0], page[1], firstExport(page[2])};
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("an export still runs after 120 s");
            }
            Thread.sleep(200);
        }
    }

    /** The first export of the list (its download link's id, or its request time when it has none yet): what a new one must differ from. */
    private static String firstExport(String body) {
        int at = body.indexOf("<ul id=\"exports\">");
        if (at < 0) {
            at = body.indexOf("id=\"exports\"");
        }
        int end = at < 0 ? -1 : body.indexOf("</li>", at);
        return at < 0 || end < 0 ? "" : body.substring(at, end);
    }

    /** The export request (GestanSimulation.exportRequest) on the view {@link #prepare} opened; its time in microseconds. */
    private long export() throws Exception {
        String[] pairs = {"jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "export:start",
                "jakarta.faces.partial.execute", "export", "jakarta.faces.partial.render", "export",
                "export:start", "export:start", "export", "export",
                "jakarta.faces.ViewState", exportView[0], "primefaces.nonce", exportView[1]};
        long start = System.nanoTime();
        HttpResponse<String> answer = ajax(EXPORT_PAGE, pairs);
        long micros = (System.nanoTime() - start) / 1_000;
        String body = answer.body();
        Matcher first = EXPORT_ROW.matcher(body);
        if (answer.statusCode() != 200 || !body.stripTrailing().endsWith("</partial-response>") || body.contains("<error>")
                || !body.contains("id=\"exports\"") || !first.find() || !"RUNNING".equals(first.group(1))
                || firstExport(body).equals(exportView[2])) {
            throw new IllegalStateException(EXPORT + ": " + answer.statusCode() + ", no new export at the head of a whole answer: "
                    + body.substring(0, Math.min(300, body.length())));
        }
        weigh(EXPORT, body);
        return micros;
    }

    /**
     * A page on a new connection, as a visitor arriving by a link opens one (and as the harness's /verify scenario does:
     * a new virtual user, a new connection): a new client and TLS context for each request, so the time includes the TCP
     * connection and a full TLS handshake; the home page it is paired with stays on the kept connection.
     */
    private long fresh(String path) throws Exception {
        HttpClient once = HttpClient.newBuilder().sslContext(PerfRealm.trustAll()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> answer = once.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        if (answer.statusCode() != 200 || !answer.body().stripTrailing().endsWith("</html>")) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + " on a new connection");
        }
        weigh(FRESH + path, answer.body());
        return micros;
    }

    /** One GET of a page (or the tenant search of a {@code search:} path), whole answer read; its time in microseconds. */
    private long get(String path) throws Exception {
        if (path.startsWith(FRESH)) {
            return fresh(path.substring(FRESH.length()));
        }
        if (path.startsWith(SEARCH)) {
            return search(path, path.substring(SEARCH.length()));
        }
        if (path.startsWith(TABLE_PAGE)) {
            return tablePage(path, path.substring(TABLE_PAGE.length()));
        }
        if (path.startsWith(NEW_TABLE_PAGE)) {
            return tablePage(path, path.substring(NEW_TABLE_PAGE.length()));
        }
        if (EXPORT.equals(path)) {
            return export();
        }
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        String body = answer.body();
        if (answer.statusCode() != 200 || !body.contains("<footer class=\"footer\">") || !body.stripTrailing().endsWith("</html>")) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + ", not a whole page: "
                    + body.substring(0, Math.min(300, body.length())));
        }
        weigh(path, body);
        return micros;
    }

    /**
     * Records the page's weight; with {@code -Dsave=<folder>} also its last answer, in a file named after the path, to
     * compare what two builds send.
     */
    private void weigh(String path, String body) throws java.io.IOException {
        bytes.put(path, body.getBytes(StandardCharsets.UTF_8).length);
        String folder = System.getProperty("save");
        if (folder != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(folder, path.replaceAll("[^A-Za-z0-9.-]", "_")), body);
        }
    }

    /** The tenant list's search by {@code text} (the harness's request, GestanSimulation.tenantSearch). */
    private long search(String path, String text) throws Exception {
        return search(path, text, false);
    }

    private long search(String path, String text, boolean retried) throws Exception {
        if (searchView == null) {
            String[] list = view(TENANT_LIST);
            searchView = new String[] {list[0], list[1]};
        }
        // the tenant list's "Apply" button's AJAX post, field by field as the browser sends it (name, value, ...)
        String[] pairs = {"jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "tenants:apply",
                "jakarta.faces.partial.execute", "tenants:apply tenants:text tenants:state", "jakarta.faces.partial.render", "tenants:list",
                "tenants:apply", "tenants:apply", "tenants", "tenants", "tenants:text", text, "tenants:state_input", "",
                "jakarta.faces.ViewState", searchView[0], "primefaces.nonce", searchView[1]};
        long start = System.nanoTime();
        HttpResponse<String> answer = ajax(TENANT_LIST, pairs);
        long micros = (System.nanoTime() - start) / 1_000;
        String body = answer.body();
        if (body.contains("<redirect url=\"") && body.contains("/error/expired") && !retried) {
            searchView = null; // the session kept newer views than the list's (Mojarra keeps a few per session): open it again
            return search(path, text, true);
        }
        if (answer.statusCode() != 200 || !body.stripTrailing().endsWith("</partial-response>") || body.contains("<error>")
                || !body.contains(text)) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + ", not a whole answer naming " + text + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        weigh(path, body);
        return micros;
    }

    /** A page opened for its AJAX requests: its view state, its script nonce and its body. */
    private String[] view(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher state = VIEW_STATE.matcher(page.body());
        Matcher nonce = NONCE.matcher(page.body());
        if (page.statusCode() != 200 || !state.find() || !nonce.find()) {
            throw new IllegalStateException(path + ": " + page.statusCode() + ", no view state or nonce");
        }
        return new String[] {state.group(1), nonce.group(1), page.body()};
    }

    /** The tenant list's view this client pages in ({@code tablepage:}): its view state and script nonce. */
    private String[] pagingView;

    /**
     * The tenant list's AJAX paging to the page starting at row {@code first} (GestanSimulation.tablePage: "staff: tenant
     * list, page 2" is {@code tablepage:25}), on a view of the list opened once: a whole partial response without
     * {@code <error>} holding the table's rows.
     */
    private long tablePage(String path, String first) throws Exception {
        if (pagingView == null) {
            String[] list = view(TENANT_LIST);
            pagingView = new String[] {list[0], list[1]};
        }
        String id = "tenants:list";
        String[] pairs = {"jakarta.faces.partial.ajax", "true", "jakarta.faces.source", id, "jakarta.faces.partial.execute", id,
                "jakarta.faces.partial.render", id, id, id, id + "_pagination", "true", id + "_first", first, id + "_rows", "25",
                id + "_skipChildren", "true", id + "_encodeFeature", "true", "tenants", "tenants",
                "jakarta.faces.ViewState", pagingView[0], "primefaces.nonce", pagingView[1]};
        long start = System.nanoTime();
        HttpResponse<String> answer = ajax(TENANT_LIST, pairs);
        long micros = (System.nanoTime() - start) / 1_000;
        String body = answer.body();
        if (answer.statusCode() != 200 || !body.stripTrailing().endsWith("</partial-response>") || body.contains("<error>")
                || !body.contains("/admin/tenants/edit.xhtml?id=")) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + ", not a whole page of rows: "
                    + body.substring(0, Math.min(300, body.length())));
        }
        weigh(path, body);
        return micros;
    }

    /** A Faces AJAX post to {@code path} of the form fields {@code pairs} (name, value, ...), as the browser sends it. */
    private HttpResponse<String> ajax(String path, String[] pairs) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        HttpRequest request = HttpRequest.newBuilder(post(URI.create(base + path), fields), (n, v) -> true)
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Keycloak's sign-in form, then its TOTP form when asked, then back to the page. */
    private void signIn(String page, String user, String password, String totpSecret) throws Exception {
        HttpResponse<String> answer = follow(HttpRequest.newBuilder(URI.create(base + page)).header("Accept", HTML).GET().build());
        answer = follow(post(action(answer), Map.of("username", user, "password", password, "credentialId", "")));
        if (answer.body().contains("name=\"otp\"")) {
            answer = follow(post(action(answer), Map.of("otp", Totp.code(new String(base32(totpSecret), StandardCharsets.UTF_8)), "login", "Sign In")));
        }
        if (answer.statusCode() != 200 || !answer.uri().toString().startsWith(base)) {
            throw new IllegalStateException("sign-in ended at " + answer.uri() + " (" + answer.statusCode() + ")");
        }
    }

    private HttpResponse<String> follow(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 10 && answer.statusCode() / 100 == 3; i++) {
            URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            answer = http.send(HttpRequest.newBuilder(next).header("Accept", HTML).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    private static URI action(HttpResponse<String> page) {
        Matcher m = FORM_ACTION.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no form at " + page.uri() + " (" + page.statusCode() + ")");
        }
        return page.uri().resolve(m.group(1).replace("&amp;", "&"));
    }

    private static HttpRequest post(URI to, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(to).header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    /** The authenticator's Base32 key as Keycloak stores it (README's demo secrets). */
    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        List<Byte> out = new ArrayList<>();
        int buffer = 0, bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = buffer << 5 | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.add((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }

    private static double mean(long[] micros) {
        return Arrays.stream(micros).average().orElse(Double.NaN) / 1000.0;
    }

    private static double median(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1000.0;
    }

    /** The measure: the time 95 % of the requests did not exceed (nearest rank). */
    private static double p95(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return rank(sorted, 0.95) / 1000.0;
    }
}

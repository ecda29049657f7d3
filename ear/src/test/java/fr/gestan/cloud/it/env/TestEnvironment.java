package fr.gestan.cloud.it.env;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the external services of the integration tests once per test JVM: a fresh PostgreSQL
 * database {@code gestan_it} and a Keycloak (dev mode, in-memory database, realm imported) on
 * HTTPS only, port {@value #KEYCLOAK_HTTPS_PORT} (certificate and trust store: {@link KeycloakTls}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; does nothing
 * unless the system property {@code gestan.it} is {@code true} (failsafe sets it, surefire does not).
 *
 * <p>Reads: system properties {@code gestan.it}, {@code gestan.it.keycloak.home},
 * {@code gestan.it.keycloak.realm}, {@code gestan.it.logdir} (default {@code target}); environment
 * variables {@code GESTAN_TEST_DB_URL}, {@code GESTAN_TEST_DB_USER} (default {@code postgres}),
 * {@code GESTAN_TEST_DB_PASSWORD} (default empty).
 *
 * <p>Sets: system properties {@code gestan.it.db.url}, {@code gestan.it.db.user},
 * {@code gestan.it.db.password}, {@code gestan.it.keycloak.url}, {@code gestan.it.jvmargs}, {@code gestan.it.java-home}.
 *
 * <p>Keycloak is started asynchronously: WildFly boots meanwhile; tests that need it call
 * {@link KeycloakFixture#awaitReady()}.
 */
public class TestEnvironment implements LauncherSessionListener {

    /**
     * Every test port is a standard port plus this offset (WildFly 18080/19990, Keycloak HTTPS 18543, HTTP 18180 and 19000 by default),
     * so that the tests never meet ./run.sh; {@code -Dgestan.it.port-offset=20000} runs a second suite beside.
     */
    public static final int PORT_OFFSET = Integer.getInteger("gestan.it.port-offset", 10000);
    public static final int KEYCLOAK_HTTPS_PORT = 8543 + PORT_OFFSET;
    /** Keycloak's development mode always opens an HTTP listener: the realm refuses it (sslRequired "all"). */
    public static final int KEYCLOAK_HTTP_PORT = 8180 + PORT_OFFSET;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9000 + PORT_OFFSET;
    public static final String KEYCLOAK_URL = "https://localhost:" + KEYCLOAK_HTTPS_PORT;
    public static final String KEYCLOAK_ADMIN_USER = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin-it-only";
    public static final String REALM = "gestan";
    /** The test database, created afresh for each run; GESTAN_TEST_DB_NAME lets parallel suites share a server. */
    public static final String IT_DATABASE = databaseName(System.getenv("GESTAN_TEST_DB_NAME"));

    static String databaseName(String requested) {
        if (requested == null || requested.isBlank()) {
            return "gestan_it";
        }
        if (!requested.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("GESTAN_TEST_DB_NAME must be a lower-case SQL identifier: " + requested);
        }
        return requested;
    }
    /** PostgreSQL trust authentication ignores it; avoids an empty {@code -D} value on the server command line. */
    static final String DUMMY_DB_PASSWORD = "trust-auth-unused";

    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

    private static final Object LOCK = new Object();
    private static boolean started;
    private static EmbeddedPostgres embeddedPostgres;
    private static volatile Process keycloak;
    private static volatile Path keycloakLog;
    private static volatile String keycloakStartError;
    private static Thread shutdownHook;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("gestan.it")) {
            return;
        }
        synchronized (LOCK) {
            if (started) {
                return;
            }
            started = true;
            shutdownHook = new Thread(TestEnvironment::stopAll, "gestan-it-env-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);

            long t0 = System.nanoTime();
            String kcSummary = startKeycloak(); // first: it boots in the background while the database starts
            String dbSummary = startDatabase();
            String mailSummary = MailCatcher.start();
            // G1's pause-time share as run.sh sets it (ear/src/main/server/wildfly-memory.sh)
            String jvmArgs = "-Xms256m -Xmx1g -XX:GCTimeRatio=99 -Djboss.socket.binding.port-offset=" + PORT_OFFSET
                    + " -Dgestan.db.url=" + System.getProperty("gestan.it.db.url")
                    + " -Dgestan.db.driver=postgresql"
                    + " -Dgestan.db.user=" + System.getProperty("gestan.it.db.user")
                    + " -Dgestan.db.password=" + nonEmpty(System.getProperty("gestan.it.db.password"))
                    + " -Dgestan.db.migration.user=" + System.getProperty("gestan.it.db.migration-user")
                    + " -Dgestan.db.migration.password=" + DUMMY_DB_PASSWORD
                    + " -Dgestan.oidc.provider-url=" + KEYCLOAK_URL + "/realms/" + REALM
                    // the server verifies Keycloak's self-signed certificate (OIDC client, admin clients)
                    + KeycloakTls.jvmArguments()
                    + secretArguments()
                    + " -Dgestan.demo=true -Dgestan.demo.backups=false -Dgestan.deployment-scanner=false"
                    // Journal entries only from the tests themselves (imports of Keycloak events are called explicitly).
                    + " -Dgestan.keycloak.events-seconds=0"
                    // Notifications: to the tests' GreenMail; a failed try gives up at once (staff retry is tested);
                    // webhook receivers of the tests listen on http://127.0.0.1
                    + " -Dgestan.smtp.port=" + MailCatcher.SMTP_PORT + " -Dgestan.it.mail-control-port=" + MailCatcher.CONTROL_PORT
                    + " -Dgestan.notifications.poll-ms=500"
                    + " -Dgestan.notifications.max-attempts=1 -Dgestan.notifications.webhooks.allow-loopback-http=true"
                    // the tests run the staff reminders themselves (NotificationDesk.remindNow), not on a timer
                    + " -Dgestan.notifications.reminders-minutes=0"
                    + extraJvmArguments();
            System.setProperty("gestan.it.keycloak.url", KEYCLOAK_URL);
            System.setProperty("gestan.it.jvmargs", jvmArgs);
            System.setProperty("gestan.it.management-port", String.valueOf(9990 + PORT_OFFSET));
            // the servers run on the Java ./run.sh runs WildFly on (ServerJava)
            String serverJava = ServerJava.home().toString();
            System.setProperty("gestan.it.java-home", serverJava);
            System.out.printf("[gestan-it] environment: %s; %s; %s; servers on %s (%d ms)%n",
                    dbSummary, kcSummary, mailSummary, serverJava, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * More options for the test server's JVM, for measuring (a JFR recording, a number of batch workers...):
     * {@code -Dgestan.it.extra-jvmargs="..."} on the Maven command line, else the environment variable
     * {@code GESTAN_IT_JVM_ARGS}; appended after the suite's own, so that a later {@code -Xmx} wins. None by default.
     */
    static String extraJvmArguments() {
        String extra = System.getProperty("gestan.it.extra-jvmargs", System.getenv("GESTAN_IT_JVM_ARGS"));
        return extra == null || extra.isBlank() ? "" : " " + extra.strip();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!Boolean.getBoolean("gestan.it")) {
            return;
        }
        stopAll();
        synchronized (LOCK) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook runs or has run
                }
                shutdownHook = null;
            }
        }
    }

    // ------------------------------------------------------------------ database

    private static String startDatabase() {
        String externalUrl = System.getenv("GESTAN_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            String user = envOr("GESTAN_TEST_DB_USER", "postgres");
            String password = envOr("GESTAN_TEST_DB_PASSWORD", "");
            Matcher m = PG_URL.matcher(externalUrl.trim());
            if (!m.matches()) {
                throw new IllegalStateException("GESTAN_TEST_DB_URL must look like jdbc:postgresql://host:port/db, got "
                        + externalUrl);
            }
            try (Connection c = DriverManager.getConnection(externalUrl.trim(), user, password)) {
                recreateDatabase(c);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot recreate database " + IT_DATABASE + " through " + externalUrl, e);
            }
            String url = m.group(1) + IT_DATABASE + (m.group(3) == null ? "" : m.group(3));
            refuseKeptDatabaseWithData(url, user, password);
            createRoles(url, user, password);
            return "database " + url + " (recreated on external PostgreSQL, roles " + OWNER_ROLE + " and " + APP_ROLE + ")";
        }
        try {
            embeddedPostgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
        String adminUrl = embeddedPostgres.getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "")) {
            recreateDatabase(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + IT_DATABASE + " in embedded PostgreSQL", e);
        }
        String url = "jdbc:postgresql://localhost:" + embeddedPostgres.getPort() + "/" + IT_DATABASE;
        createRoles(url, "postgres", "");
        return "database " + url + " (embedded PostgreSQL, roles " + OWNER_ROLE + " and " + APP_ROLE + ")";
    }

    /** With GESTAN_TEST_DB_KEEP=true (the seeding), a kept database must be empty: no table at all. */
    private static void refuseKeptDatabaseWithData(String url, String user, String password) {
        if (!"true".equals(System.getenv("GESTAN_TEST_DB_KEEP"))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             java.sql.ResultSet tables = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            tables.next();
            if (tables.getLong(1) > 0) {
                throw new IllegalStateException("Refused: database " + IT_DATABASE + " already holds " + tables.getLong(1)
                        + " tables; the seeding fills an empty database only (drop it or name another one)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check database " + IT_DATABASE, e);
        }
    }

    private static void recreateDatabase(Connection c) throws SQLException {
        if ("true".equals(System.getenv("GESTAN_TEST_DB_KEEP"))) {
            // The load harness's seeding (PerfSeedIT) fills a database of its own and refuses one that holds data:
            // an existing database is kept as it is, never dropped.
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, IT_DATABASE);
                if (ps.executeQuery().next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + IT_DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, IT_DATABASE);
            ps.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + IT_DATABASE);
            try {
                s.execute("CREATE DATABASE " + IT_DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException incompatibleLocale) {
                // the cluster's default locale is not a UTF-8 one
                s.execute("CREATE DATABASE " + IT_DATABASE
                        + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
            }
        }
    }

    /** The schema's owner (migrations, GestanMigrationDS) and the application's role (GestanDS), as in production. */
    public static final String OWNER_ROLE = IT_DATABASE + "_owner";
    public static final String APP_ROLE = IT_DATABASE + "_app";

    /**
     * Creates the two roles with the same program as ./run.sh ({@code ear/src/main/db/GestanRoles.java}), and has
     * the server connect as the application's role: every integration test then runs with its reduced rights.
     * Passwords: none (trust authentication, as the test servers use).
     */
    private static void createRoles(String url, String admin, String adminPassword) {
        try {
            String driverJar = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", driverJar, Path.of("src/main/db/GestanRoles.java").toAbsolutePath().toString(), url, admin,
                    OWNER_ROLE, APP_ROLE).redirectErrorStream(true);
            pb.environment().put("GESTAN_ROLES_ADMIN_PASSWORD", adminPassword);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("GestanRoles failed: " + output);
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot run GestanRoles", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the database roles", e);
        }
        System.setProperty("gestan.it.db.url", url);
        System.setProperty("gestan.it.db.user", APP_ROLE);
        System.setProperty("gestan.it.db.password", "");
        System.setProperty("gestan.it.db.migration-user", OWNER_ROLE);
        // The administrator that created the test database (its owner), for tests that break the database itself.
        System.setProperty("gestan.it.db.admin-user", admin);
        System.setProperty("gestan.it.db.admin-password", adminPassword == null ? "" : adminPassword);
    }

    // ------------------------------------------------------------------ Keycloak

    private static String startKeycloak() {
        try {
            String home = System.getProperty("gestan.it.keycloak.home");
            String realm = System.getProperty("gestan.it.keycloak.realm");
            if (home == null || realm == null) {
                throw new IllegalStateException(
                        "system properties gestan.it.keycloak.home and gestan.it.keycloak.realm are required");
            }
            Path kcHome = Path.of(home).toAbsolutePath();
            Path kcSh = kcHome.resolve("bin/kc.sh");
            Path realmFile = Path.of(realm).toAbsolutePath();
            if (!Files.isRegularFile(kcSh)) {
                throw new IllegalStateException("no Keycloak distribution at " + kcHome + " (bin/kc.sh missing)");
            }
            if (!Files.isRegularFile(realmFile)) {
                throw new IllegalStateException("realm file not found: " + realmFile);
            }
            for (int port : new int[] {KEYCLOAK_HTTPS_PORT, KEYCLOAK_HTTP_PORT, KEYCLOAK_MANAGEMENT_PORT}) {
                if (portInUse(port)) {
                    throw new IllegalStateException("port " + port + " is already in use (a Keycloak left over"
                            + " from an earlier run? check: ps aux | grep -i keycloak)");
                }
            }
            KeycloakTls.ensure();
            KeycloakTls.trustInThisJvm();
            Path importDir = Files.createDirectories(kcHome.resolve("data/import"));
            // Without an SMTP server in its realm, Keycloak hands invitations over as temporary passwords, which the
            // tests rely on; the tests that want e-mailed invitations give the realm their own SMTP catcher
            // (TenantsJourneyIT). The realm file's smtpServer points to run.sh's GreenMail, absent here.
            String realmJson = Files.readString(realmFile);
            String withoutSmtp = realmJson.replaceFirst("\"smtpServer\"\\s*:\\s*\\{[^}]*\\},\\s*", "");
            if (withoutSmtp.equals(realmJson) && realmJson.contains("\"smtpServer\"")) {
                throw new IllegalStateException("the realm file's smtpServer could not be taken out for the tests");
            }
            Files.writeString(importDir.resolve(realmFile.getFileName()), withOwnOrigins(withoutSmtp));
            copyLoginTheme(realmFile.getParent().resolve("themes"), kcHome.resolve("themes"));

            Path logDir = Files.createDirectories(Path.of(System.getProperty("gestan.it.logdir", "target")).toAbsolutePath());
            keycloakLog = logDir.resolve("keycloak-it.log");

            // "sh kc.sh" works even when the unpacking lost the executable bit
            ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", kcSh.toString(), "start-dev",
                    // Sign-in on HTTPS, as ./run.sh; the HTTP listener that development mode always opens serves no
                    // sign-in page (the realm requires HTTPS: SignInPagesJourneyIT)
                    "--http-port=" + KEYCLOAK_HTTP_PORT,
                    "--https-port=" + KEYCLOAK_HTTPS_PORT,
                    "--https-key-store-file=" + KeycloakTls.keyStore(),
                    "--http-management-port=" + KEYCLOAK_MANAGEMENT_PORT,
                    "--db=dev-mem",
                    "--import-realm"))
                    .directory(kcHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(keycloakLog.toFile());
            Map<String, String> env = pb.environment();
            // configuration left in the environment must not redirect this Keycloak elsewhere
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.equals("JAVA_OPTS"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
            env.put("KC_HTTPS_KEY_STORE_PASSWORD", KeycloakTls.PASSWORD);
            // The realm file's client secrets are placeholders: fresh ones for every test run, as run.sh does.
            env.putAll(SECRETS);
            keycloak = pb.start();
            return "Keycloak starting on " + KEYCLOAK_URL + " (pid " + keycloak.pid() + ", log " + keycloakLog + ")";
        } catch (IOException | RuntimeException e) {
            keycloakStartError = e instanceof IllegalStateException ? e.getMessage() : e.toString();
            System.err.println("[gestan-it] Keycloak not started: " + e);
            return "Keycloak NOT started: " + e.getMessage();
        }
    }

    /**
     * The realm file lets the web client come back to the usual offsets' origins only (multiples of 10,000): the
     * import copy also names this run's own origins, so that any {@code gestan.it.port-offset} can sign in.
     */
    static String withOwnOrigins(String realmJson) {
        String http = "http://localhost:" + (8080 + PORT_OFFSET) + "/*";
        String https = "https://localhost:" + (8443 + PORT_OFFSET) + "/*";
        String withRedirects = realmJson.replaceFirst("\"redirectUris\"\\s*:\\s*\\[",
                Matcher.quoteReplacement("\"redirectUris\": [\"" + http + "\", \"" + https + "\", "));
        String withLogout = withRedirects.replaceFirst("\"post\\.logout\\.redirect\\.uris\"\\s*:\\s*\"",
                Matcher.quoteReplacement("\"post.logout.redirect.uris\": \"" + http + "##" + https + "##"));
        // The sign-in pages' link home (the client's root URL) leads to this run's server.
        String withRoot = withLogout.replaceFirst("\"rootUrl\"\\s*:\\s*\"https://localhost:8443\"",
                Matcher.quoteReplacement("\"rootUrl\": \"https://localhost:" + (8443 + PORT_OFFSET) + "\""));
        if (withRedirects.equals(realmJson) || withLogout.equals(withRedirects) || withRoot.equals(withLogout) && PORT_OFFSET != 0) {
            throw new IllegalStateException("the realm file's redirect URIs could not be given this run's origins");
        }
        return withRoot;
    }

    /**
     * The Gestan login theme ({@code src/main/keycloak/themes/gestan}, the realm's {@code loginTheme}) into the test
     * Keycloak's {@code themes/} folder, as ./run.sh does: replaced at each start, so that an edited theme is tested.
     */
    static void copyLoginTheme(Path themes, Path keycloakThemes) throws IOException {
        if (!Files.isDirectory(themes.resolve("gestan"))) {
            throw new IllegalStateException("login theme not found: " + themes.resolve("gestan"));
        }
        try (var paths = Files.walk(themes)) {
            for (Path source : paths.toList()) {
                Path target = keycloakThemes.resolve(themes.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Fresh client secrets of this run, by the variable the realm file's placeholders and the server read. */
    public static final Map<String, String> SECRETS = Map.of(
            "GESTAN_OIDC_SECRET", randomSecret(),
            "GESTAN_KEYCLOAK_ADMIN_SECRET", randomSecret(),
            "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET", randomSecret(),
            "GESTAN_KEYCLOAK_REGISTRAR_SECRET", randomSecret());

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** The same secrets as WildFly system properties (also for a second server, e.g. DefaultDatabaseIT). */
    public static String secretArguments() {
        return " -Dgestan.oidc.secret=" + SECRETS.get("GESTAN_OIDC_SECRET")
                + " -Dgestan.keycloak.admin-secret=" + SECRETS.get("GESTAN_KEYCLOAK_ADMIN_SECRET")
                + " -Dgestan.keycloak.admin.client-secret=" + SECRETS.get("GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET")
                + " -Dgestan.keycloak.registrar.secret=" + SECRETS.get("GESTAN_KEYCLOAK_REGISTRAR_SECRET");
    }

    private static boolean portInUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Keycloak process started by this listener, or {@code null}. */
    static Process keycloakProcess() {
        return keycloak;
    }

    /** Why Keycloak was not started, or {@code null}. */
    static String keycloakStartError() {
        return keycloakStartError;
    }

    /** The last lines of the Keycloak log, for failure messages. */
    static String keycloakLogTail(int lines) {
        Path log = keycloakLog;
        if (log == null || !Files.isReadable(log)) {
            return "(no Keycloak log)";
        }
        try {
            List<String> all = Files.readAllLines(log);
            return log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    // ------------------------------------------------------------------ shutdown

    private static void stopAll() {
        MailCatcher.stop();
        stopKeycloak();
        stopEmbeddedPostgres();
    }

    /** Stops Keycloak (a test of what the application does without it); {@link #startKeycloakAgain()} brings it back. */
    public static void stopKeycloakForTest() {
        stopKeycloak();
        KeycloakFixture.forget();
    }

    /** Starts Keycloak again after {@link #stopKeycloakForTest()} (fresh in-memory realm, same secrets) and waits for it. */
    public static void startKeycloakAgain() {
        keycloakStartError = null;
        System.out.println("[gestan-it] " + startKeycloak());
        KeycloakFixture.awaitReady();
    }

    private static void stopKeycloak() {
        Process p;
        synchronized (LOCK) {
            p = keycloak;
            keycloak = null;
        }
        if (p == null) {
            return;
        }
        long t0 = System.nanoTime();
        // kc.sh forwards SIGTERM to its Java child; after a re-augmentation it exec's Java itself
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        boolean exited = waitFor(p.toHandle(), 20_000);
        for (ProcessHandle child : children) {
            long left = Math.max(1_000, 20_000 - (System.nanoTime() - t0) / 1_000_000);
            if (!waitFor(child, left)) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                exited = false;
            }
        }
        if (!waitFor(p.toHandle(), 1)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            exited = false;
        }
        System.out.printf("[gestan-it] Keycloak stopped%s in %d ms%n",
                exited ? "" : " (forcibly)", (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean waitFor(ProcessHandle h, long millis) {
        try {
            h.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        } catch (Exception e) {
            return !h.isAlive();
        }
    }

    private static void stopEmbeddedPostgres() {
        EmbeddedPostgres pg;
        synchronized (LOCK) {
            pg = embeddedPostgres;
            embeddedPostgres = null;
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("[gestan-it] embedded PostgreSQL did not stop cleanly: " + e);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static String nonEmpty(String password) {
        return password == null || password.isEmpty() ? DUMMY_DB_PASSWORD : password;
    }
}

package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.env.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The zero-install default of {@code ./run.sh}: the real EAR deployed by the deployment scanner on a server whose
 * datasource is left at its default, an H2 file database created afresh. Every other test runs on PostgreSQL;
 * this one proves that every module's migrations and demo data also run on H2, all at once on a first start (they
 * once timed out there, running in parallel).
 *
 * <p>A second WildFly of the provisioned installation, with its own base directory (a copy of the configuration)
 * and its own port offset, started and stopped by the test itself.
 */
class DefaultDatabaseIT {

    private static final int OFFSET = TestEnvironment.PORT_OFFSET + 300;
    private static final String BASE = "https://localhost:" + (8443 + OFFSET) + "/";
    private static Path baseDir;
    private static Process server;

    @BeforeAll
    static void startOnH2() throws Exception {
        KeycloakFixture.awaitReady(); // demo data declares the portal users in Keycloak
        Path home = Path.of(System.getProperty("gestan.it.server.home"));
        Path target = Path.of(System.getProperty("gestan.it.logdir", "target"));
        baseDir = target.resolve("h2-server");
        deleteTree(baseDir);
        Files.createDirectories(baseDir.resolve("deployments"));
        copyTree(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        // The suite's server keeps a deployment between classes (KeepingContainer), recorded in its standalone.xml:
        // this server deploys its EAR from its own folder only, so the copied configuration names no deployment.
        Path config = baseDir.resolve("configuration/standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
        Files.copy(Path.of(System.getProperty("gestan.it.ear")), baseDir.resolve("deployments/gestan.ear"),
                StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + OFFSET,
                "-Dgestan.oidc.provider-url=" + TestEnvironment.KEYCLOAK_URL + "/realms/" + TestEnvironment.REALM,
                "-Dgestan.demo=true", "-Dgestan.keycloak.events-seconds=0"));
        command.addAll(List.of(TestEnvironment.secretArguments().strip().split(" ")));
        command.addAll(List.of(fr.gestan.cloud.it.env.KeycloakTls.jvmArguments().strip().split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(target.resolve("h2-server.log").toFile());
        // No datasource property and no GESTAN_DB_* variable: the server's own default, H2, must be used.
        builder.environment().keySet().removeIf(name -> name.startsWith("GESTAN_DB_"));
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true");
        builder.environment().remove("JBOSS_HOME");
        fr.gestan.cloud.it.env.ServerJava.into(builder.environment());
        server = builder.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            // standalone.sh forwards nothing reliably: stop the JVM it started, then the script.
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    @Test
    void firstStartOnTheDefaultH2DatabaseMigratesEveryModuleAndServesTheApplication() throws Exception {
        Path deployments = baseDir.resolve("deployments");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(deployments.resolve("gestan.ear.deployed"))) {
            if (Files.exists(deployments.resolve("gestan.ear.failed"))) {
                fail("Deployment on H2 failed: " + Files.readString(deployments.resolve("gestan.ear.failed")));
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                fail("The server on H2 did not deploy the EAR; see target/h2-server.log");
            }
            Thread.sleep(500);
        }

        // The H2 file lives in the server's data folder, where run.sh says it does.
        assertTrue(Files.exists(baseDir.resolve("data/gestan/gestan.mv.db")), "H2 file in data/gestan");

        // Hosting tables and demo data: the public status lists the demo servers.
        HttpResponse<String> status = Http.get(BASE + "api/v1/public/status", "Accept", "application/json");
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"components\"") && status.body().contains("\"dataCentreCode\""), status.body());

        // Pages of the public area render (compliance registry queried by the verification page).
        HttpResponse<String> verify = Http.get(BASE + "verify", "Accept-Language", "fr");
        assertEquals(200, verify.statusCode());
        assertTrue(verify.body().contains("<html"), "a page, not an error");

        // Every module migrated (each module's history table is written by its own start-up singleton).
        String log = Files.readString(baseDir.resolve("log/server.log"));
        for (String module : List.of("security", "tenants", "hosting", "compliance", "notifications")) {
            assertTrue(log.contains("Schema of module " + module + ": "), "migration of " + module + " logged");
        }
        assertTrue(!log.contains("Timeout trying to lock table"), "no H2 lock time-out");
        // The journal's Java trigger was created (H2 loads its class then: a deployment failure otherwise), and the
        // start says loudly that H2 is for trying only.
        assertTrue(log.contains("H2 database: for trying the product only"), "the H2 warning");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

package fr.gestan.cloud.it.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JDK that runs the test servers: the one {@code ./run.sh} runs WildFly on, chosen by the same shell function
 * ({@code gestan_wildfly_java} in {@code ear/src/main/server/wildfly-cds.sh}: {@code GESTAN_WILDFLY_JAVA_HOME} when
 * set, else a Java 25 when one is installed, else the default Java). Without it the suite tested WildFly on the
 * Maven JVM's Java 17 while {@code ./run.sh} served the product on Java 25 (docs/performance.md 4.30).
 */
public final class ServerJava {

    private static final Path SCRIPT = Path.of("src/main/server/wildfly-cds.sh");

    private ServerJava() {
    }

    /** The chosen JDK's home; this JVM's own when the script chooses WildFly's default (the Java on the PATH). */
    public static Path home() {
        String chosen = chosenBy(SCRIPT.toAbsolutePath(), System.getenv());
        return chosen.isEmpty() ? Path.of(System.getProperty("java.home")) : Path.of(chosen);
    }

    /** Environment variables for a {@code standalone.sh} this suite starts itself: WildFly's scripts read JAVA_HOME. */
    public static void into(Map<String, String> environment) {
        environment.put("JAVA_HOME", home().toString());
    }

    /** What {@code gestan_wildfly_java} sets WF_JAVA_HOME to, in the given environment ("" = WildFly's default). */
    static String chosenBy(Path script, Map<String, String> environment) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("not found: " + script);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", ". \"$1\" && gestan_wildfly_java && printf %s \"$WF_JAVA_HOME\"",
                "server-java", script.toString())).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("gestan_wildfly_java failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing the servers' Java", e);
        }
    }
}

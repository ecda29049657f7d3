package fr.gestan.cloud.it.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test servers' Java is chosen by run.sh's own function: these cases pin that the suite asks it and reads it. */
class ServerJavaTest {

    private static final Path SCRIPT = Path.of("src/main/server/wildfly-cds.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theVariableDecides() {
        assertEquals("/opt/some-jdk", ServerJava.chosenBy(SCRIPT,
                Map.of("PATH", System.getenv("PATH"), "GESTAN_WILDFLY_JAVA_HOME", "/opt/some-jdk")));
    }

    @Test
    void anEmptyVariableKeepsWildFlysDefault() {
        assertEquals("", ServerJava.chosenBy(SCRIPT, Map.of("PATH", System.getenv("PATH"), "GESTAN_WILDFLY_JAVA_HOME", "")));
    }

    @Test
    void aJava25InJavaHomeIsChosen() throws IOException {
        Path jdk25 = fakeJdk("jdk25", "25.0.1");
        assertEquals(jdk25.toString(), ServerJava.chosenBy(SCRIPT,
                Map.of("PATH", System.getenv("PATH"), "JAVA_HOME", jdk25.toString())));
    }

    @Test
    void aJava17InJavaHomeIsNotChosenForItself() throws IOException {
        Path jdk17 = fakeJdk("jdk17", "17.0.15");
        String chosen = ServerJava.chosenBy(SCRIPT, Map.of("PATH", System.getenv("PATH"), "JAVA_HOME", jdk17.toString()));
        // a Java 25 installed on this machine may still be found; the Java 17 never is
        assertEquals(false, chosen.equals(jdk17.toString()), chosen);
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin"));
        for (String tool : new String[] {"java", "jcmd"}) {
            Path file = Files.writeString(home.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home.getParent();
    }
}

package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The offline verifier run as a tenant runs it: {@code java JournalVerifier.java args…}, a subprocess. */
final class OfflineVerifier {

    private static final Path SOURCE = Path.of("src/main/java/fr/gestan/cloud/security/api/JournalVerifier.java");

    private OfflineVerifier() {
    }

    /** Runs it in {@code dir}; returns the exit code, the output in {@code out[0]}. */
    static int run(Path dir, String[] out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SOURCE.toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier did not finish");
        out[0] = Files.readString(output);
        return process.exitValue();
    }
}

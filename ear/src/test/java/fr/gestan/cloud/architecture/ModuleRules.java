package fr.gestan.cloud.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the allowed module dependencies from the table between {@code <!-- module-rules:begin -->} and
 * {@code <!-- module-rules:end -->} in docs/architecture.md: the document is the one place the rule is written.
 */
final class ModuleRules {

    static final String BEGIN = "<!-- module-rules:begin -->";
    static final String END = "<!-- module-rules:end -->";
    private static final String NOTHING = "nothing of the project";

    private ModuleRules() {
    }

    static Map<String, Set<String>> read(Path document) {
        try {
            return parse(Files.readString(document, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the module rules are read from " + document.toAbsolutePath(), e);
        }
    }

    static Map<String, Set<String>> parse(String markdown) {
        int begin = markdown.indexOf(BEGIN);
        int end = markdown.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no module-rules table between " + BEGIN + " and " + END);
        }
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        List<String> rows = markdown.substring(begin + BEGIN.length(), end).lines()
                .map(String::strip).filter(line -> line.startsWith("|")).skip(2).toList();
        for (String row : rows) {
            String[] cells = row.substring(1, row.length() - 1).split("\\|");
            if (cells.length != 2) {
                throw new IllegalArgumentException("a module-rules row has two cells: " + row);
            }
            String module = cells[0].strip();
            String uses = cells[1].strip();
            Set<String> allowed = uses.equals(NOTHING) ? Set.of()
                    : Arrays.stream(uses.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
            if (!module.matches("[a-z]+") || allowed.stream().anyMatch(name -> !name.matches("[a-z]+"))) {
                throw new IllegalArgumentException("module names are lower-case words: " + row);
            }
            if (rules.put(module, allowed) != null) {
                throw new IllegalArgumentException("module listed twice: " + module);
            }
        }
        for (Set<String> allowed : rules.values()) {
            for (String used : allowed) {
                if (!rules.containsKey(used)) {
                    throw new IllegalArgumentException("the table allows a module it does not list: " + used);
                }
            }
        }
        return Map.copyOf(rules);
    }
}

package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in French and in English: each bundle registered in faces-config.xml has the same keys in
 * both languages, none empty; every {@code #{var['key']}} of every page, tile, navigation entry and composite names
 * an existing key; every {@code messages.info/warn/error("key")} of the Java code too; and the validation messages
 * of ejb/common have the same keys in both languages and hold every {@code {key}} the modules' constraints use.
 */
class TranslationsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path PROJECT = Path.of("..");
    private static final Pattern BUNDLE = Pattern.compile(
            "<resource-bundle>\\s*<base-name>([^<]+)</base-name>\\s*<var>([^<]+)</var>\\s*</resource-bundle>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern EL = Pattern.compile("#\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern LITERAL_KEY = Pattern.compile("\\b([A-Za-z_]\\w*)\\['([^']+)'](?!\\s*\\.concat)");
    private static final Pattern PREFIX_KEY = Pattern.compile("\\b([A-Za-z_]\\w*)\\['([^']+)'\\.concat\\(");
    private static final Pattern JAVA_KEY = Pattern.compile("messages\\.(?:info|warn|error)\\(\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGES_FIELD = Pattern.compile("(?:@Bundle\\(\"(\\w+)\"\\)\\s+)?\\bMessages\\s+messages\\s*;");
    private static final Pattern CONSTRAINT_KEY = Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)}\"");

    @Test
    void every_bundle_has_the_same_keys_in_french_and_in_english() throws IOException {
        Map<String, String> bundles = bundles();
        assertTrue(bundles.containsValue("fr.gestan.cloud.web.messages"), "the main bundle is registered");
        for (String base : bundles.values()) {
            Properties fr = load(RESOURCES.resolve(base.replace('.', '/') + "_fr.properties"));
            Properties en = load(RESOURCES.resolve(base.replace('.', '/') + "_en.properties"));
            assertKeysMatch(base, fr, en);
        }
    }

    @Test
    void every_key_used_by_the_pages_exists() throws IOException {
        Map<String, Properties> byVar = new LinkedHashMap<>();
        for (Map.Entry<String, String> bundle : bundles().entrySet()) {
            byVar.put(bundle.getKey(), load(RESOURCES.resolve(bundle.getValue().replace('.', '/') + "_fr.properties")));
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String text = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
                Matcher el = EL.matcher(text);
                while (el.find()) {
                    Matcher key = LITERAL_KEY.matcher(el.group(1));
                    while (key.find()) {
                        Properties bundle = byVar.get(key.group(1));
                        if (bundle != null) {
                            checked++;
                            if (!bundle.containsKey(key.group(2))) {
                                missing.add(WEBAPP.relativize(file) + ": " + key.group(1) + "['" + key.group(2) + "']");
                            }
                        }
                    }
                    Matcher prefix = PREFIX_KEY.matcher(el.group(1));
                    while (prefix.find()) {
                        Properties bundle = byVar.get(prefix.group(1));
                        String start = prefix.group(2);
                        if (bundle != null && bundle.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
                            missing.add(WEBAPP.relativize(file) + ": no key starts with " + start);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "the scan finds the keys of the pages: " + checked);
        assertEquals(List.of(), missing, "keys used in pages but missing from their bundle");
    }

    @Test
    void every_key_of_the_java_code_exists() throws IOException {
        // A bean's "messages" field is Messages, speaking from the bundle its @Bundle names (default msg).
        Map<String, String> bundleOfVar = bundles();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher field = MESSAGES_FIELD.matcher(source);
                if (!field.find()) {
                    continue;
                }
                String bundle = bundleOfVar.get(field.group(1) == null ? "msg" : field.group(1));
                assertTrue(bundle != null, file.getFileName() + ": no bundle registered as " + field.group(1));
                Properties fr = load(RESOURCES.resolve(bundle.replace('.', '/') + "_fr.properties"));
                Matcher key = JAVA_KEY.matcher(source);
                while (key.find()) {
                    String used = key.group(1);
                    boolean prefix = used.endsWith(".");
                    boolean found = prefix ? fr.stringPropertyNames().stream().anyMatch(k -> k.startsWith(used)) : fr.containsKey(used);
                    checked++;
                    if (!found) {
                        missing.add(file.getFileName() + ": " + used);
                    }
                }
            }
        }
        assertTrue(checked > 5, "the scan finds the keys of the Java code: " + checked);
        assertEquals(List.of(), missing);
    }

    @Test
    void every_validation_message_exists_in_both_languages() throws IOException {
        Path common = PROJECT.resolve("ejb/common/src/main/resources");
        Properties fr = load(common.resolve("ValidationMessages_fr.properties"));
        Properties en = load(common.resolve("ValidationMessages_en.properties"));
        assertKeysMatch("ValidationMessages", fr, en);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.normalize().toAbsolutePath())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher key = CONSTRAINT_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (key.find()) {
                    if (!key.group(1).startsWith("jakarta.validation.") && !fr.containsKey(key.group(1))) {
                        missing.add(file.getFileName() + ": {" + key.group(1) + "}");
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "constraint messages missing from ValidationMessages");
    }

    private static void assertKeysMatch(String name, Properties fr, Properties en) {
        assertFalse(fr.isEmpty(), name + " (fr) is empty");
        Set<String> onlyFr = new TreeSet<>(fr.stringPropertyNames());
        onlyFr.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(fr.stringPropertyNames());
        assertEquals(Set.of(), onlyFr, name + ": keys without an English text");
        assertEquals(Set.of(), onlyEn, name + ": keys without a French text");
        for (Properties p : List.of(fr, en)) {
            for (String key : p.stringPropertyNames()) {
                assertFalse(p.getProperty(key).isBlank(), name + ": empty text for " + key);
            }
        }
    }

    /** var -> base name, from faces-config.xml. */
    static Map<String, String> bundles() throws IOException {
        String config = Files.readString(WEBAPP.resolve("WEB-INF/faces-config.xml"), StandardCharsets.UTF_8);
        Map<String, String> bundles = new LinkedHashMap<>();
        Matcher m = BUNDLE.matcher(config);
        while (m.find()) {
            bundles.put(m.group(2).trim(), m.group(1).trim());
        }
        return bundles;
    }

    static Properties load(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing bundle file " + file);
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}

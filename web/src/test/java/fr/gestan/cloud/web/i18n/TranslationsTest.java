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

    // --- uxwords: every code and enum shown on screen has a label, and no page prints one raw ---

    /** Enums of the modules' API that are never shown as such (sort orders, refusals shown through their own message). */
    private static final Set<String> NOT_SHOWN = Set.of("StoredReportQuery.Sort", "TenantQuery.Sort",
            "CertificateRefusedException.Reason", "HostingRefusedException.Reason", "SubscriptionRefusedException.Reason",
            "StaffException.Reason", "PolicyException.Reason", "AgreementRefusedException.Reason",
            "PortalDirectoryException.Reason");
    /** Codes in the modules' sources that are not journal actions (Keycloak's names, sort keys, statuses labelled elsewhere). */
    private static final Set<String> NOT_ACTIONS = Set.of("CONFIGURE_TOTP", "UPDATE_PASSWORD", "LEGAL_NAME", "NEW_SERVER",
            "NO_EVIDENCE", "EVIDENCE_MISSING", "HOSTING_OPERATOR", "LOGIN_ERROR");
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    /** Action codes made of a prefix and an enum constant ("MAINTENANCE_" + state): each prefix with its enum. */
    private static final Map<String, Class<? extends Enum<?>>> ACTION_PREFIXES = Map.of(
            "MAINTENANCE_", fr.gestan.cloud.hosting.api.MaintenanceState.class,
            "SUB_PROCESSOR_", fr.gestan.cloud.hosting.api.ChangeAnswer.class);
    private static final Pattern PREFIX_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*_)\"\\s*\\+");
    /** An accessor whose value is a code or an enum, printed bare (not through #{label}, a bundle or a comparison). */
    private static final Pattern RAW_CODE = Pattern.compile("#\\{[\\w.()\\[\\]' ]*?\\.(state|status|outcome|action|kind|role|actorRole|"
            + "serviceLevel|level|impact|control|verdict|scope|channel|source|answer|problem|purpose)\\(\\)}");
    private static final Pattern NOT_PRINTED = Pattern.compile("\\b(class|styleClass|rendered|id|style|itemValue|sortBy|field|"
            + "filterBy|data-[\\w-]+)=\"[^\"]*\"");

    @Test
    void every_enum_shown_on_screen_has_a_label_in_both_languages() throws Exception {
        Properties fr = load(RESOURCES.resolve(Labels.BUNDLE.replace('.', '/') + "_fr.properties"));
        Properties en = load(RESOURCES.resolve(Labels.BUNDLE.replace('.', '/') + "_en.properties"));
        List<String> missing = new ArrayList<>();
        List<Class<?>> enums = shownEnums();
        assertTrue(enums.size() > 25, "the scan finds the modules' enums: " + enums);
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                String key = Labels.key((Enum<?>) constant);
                if (!fr.containsKey(key) || !en.containsKey(key)) {
                    missing.add(key + (fr.containsKey(key) ? " (en)" : en.containsKey(key) ? " (fr)" : ""));
                }
            }
        }
        assertEquals(List.of(), missing, "enum constants without a label (" + Labels.BUNDLE + "_fr/_en)");
    }

    @Test
    void every_journal_action_has_a_label_in_both_languages() throws IOException {
        Properties fr = load(RESOURCES.resolve(Labels.BUNDLE.replace('.', '/') + "_fr.properties"));
        Properties en = load(RESOURCES.resolve(Labels.BUNDLE.replace('.', '/') + "_en.properties"));
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(PROJECT.resolve("ejb").normalize().toAbsolutePath())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher prefix = PREFIX_LITERAL.matcher(source);
                while (prefix.find()) {
                    Class<? extends Enum<?>> type = ACTION_PREFIXES.get(prefix.group(1));
                    if (type == null) {
                        missing.add(file.getFileName() + ": an action code made from \"" + prefix.group(1) + "\" + ...: name its enum in ACTION_PREFIXES");
                        continue;
                    }
                    for (Enum<?> constant : type.getEnumConstants()) {
                        checked++;
                        String key = Labels.ACTION + "." + prefix.group(1) + constant.name();
                        if (!fr.containsKey(key) || !en.containsKey(key)) {
                            missing.add(file.getFileName() + ": " + key);
                        }
                    }
                }
                Matcher code = CODE_LITERAL.matcher(source);
                while (code.find()) {
                    String c = code.group(1);
                    if (c.startsWith("GESTAN_") || NOT_ACTIONS.contains(c)) {
                        continue;
                    }
                    checked++;
                    String key = Labels.ACTION + "." + c;
                    if (!fr.containsKey(key) || !en.containsKey(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(checked > 50, "the scan finds the journal's action codes: " + checked);
        assertEquals(Set.of(), missing, "journal action codes without a label");
    }

    @Test
    void no_page_prints_a_code_or_an_enum_raw() throws IOException {
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String text = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
                Matcher printed = RAW_CODE.matcher(NOT_PRINTED.matcher(text).replaceAll(""));
                while (printed.find()) {
                    raw.add(WEBAPP.relativize(file) + ": " + printed.group() + " (use #{label.of(...)} or #{label.code(...)})");
                }
            }
        }
        assertEquals(List.of(), raw, "codes printed without their label");
    }

    @Test
    void every_plural_formats_in_both_languages() throws IOException {
        // a count with its noun is a MessageFormat with a choice: it must parse, and 1 and 2 must read differently
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String base : bundles().values()) {
            for (String language : List.of("fr", "en")) {
                Properties texts = load(RESOURCES.resolve(base.replace('.', '/') + "_" + language + ".properties"));
                for (String key : texts.stringPropertyNames()) {
                    String pattern = texts.getProperty(key);
                    if (!pattern.contains(",choice,")) {
                        continue;
                    }
                    checked++;
                    try {
                        java.text.MessageFormat format = new java.text.MessageFormat(pattern, java.util.Locale.forLanguageTag(language));
                        String one = format.format(new Object[] {1L, 1L, 1L, 1L, 1L});
                        String two = format.format(new Object[] {2L, 2L, 2L, 2L, 2L});
                        if (one.replace('1', '2').equals(two)) {
                            broken.add(base + "_" + language + ": " + key + " reads the same for 1 and 2: " + one);
                        }
                    } catch (IllegalArgumentException e) {
                        broken.add(base + "_" + language + ": " + key + ": " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(checked >= 20, "the scan finds the plurals: " + checked);
        assertEquals(List.of(), broken);
    }

    /** Every enum of the modules' API packages (and the journal's outcome, the notices' kinds), nested ones included. */
    private static List<Class<?>> shownEnums() throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("ejb").normalize().toAbsolutePath())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && (f.toString().contains("/api/") || f.toString().contains("/common/journal/")
                    || f.toString().contains("/common/notify/"))).toList()) {
                String source = file.toString();
                String name = source.substring(source.indexOf("/src/main/java/") + 15, source.length() - 5).replace('/', '.');
                collectEnums(Class.forName(name, false, TranslationsTest.class.getClassLoader()), found);
            }
        }
        found.removeIf(type -> NOT_SHOWN.contains(Labels.family(type)));
        return found;
    }

    private static void collectEnums(Class<?> type, List<Class<?>> found) {
        if (type.isEnum()) {
            found.add(type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collectEnums(nested, found);
        }
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

package fr.gestan.cloud.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one lookup of human labels for the codes and enums shown on screen, in the user's language, from the bundle
 * {@value #BUNDLE}: the key is derived from the enum's name, {@code <Enum>.<CONSTANT>} (a nested enum keeps its outer
 * class: {@code JournalEvent.Outcome.SUCCESS}). In EL: {@code #{label.of(server.state())}}, {@code #{label.of(flag)}}
 * (yes / no), {@code #{label.code('ServerControls.Control', 'BACKUP')}} for a code held as a string,
 * {@code #{label.action(entry.action())}} for the journal's action codes, {@code #{label.evidence(text)}} for
 * language-neutral evidence (codes, ISO dates, booleans, days). A code without a label never shows raw: it reads as
 * lower-case words ({@code "journal exported"}), and {@code TranslationsTest} fails so that it gets one.
 */
@Named("label")
@RequestScoped
public class Labels {

    public static final String BUNDLE = "fr.gestan.cloud.web.labels";
    public static final String ACTION = "JournalAction";

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b(?:BACKUP|FIREWALL|DDOS|SNAPSHOT)\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    private static final Pattern DAYS = Pattern.compile("\\b(\\d+) < (\\d+) d\\b|\\b(\\d+) d\\b");
    /** The families a code inside evidence is looked up in, in order. */
    private static final String[] EVIDENCE_FAMILIES = {"ServerControls.Control", "SubProcessorRole", "ServerControls.Status", ACTION};

    @Inject
    LanguageBean language;

    /** The label of an enum constant ({@code <Enum>.<CONSTANT>}) or of a boolean ({@code Boolean.true}); "" for null. */
    public String of(Object value) {
        return of(value, locale());
    }

    /** A setting's value as shown: a boolean (or "true"/"false") as yes / no, anything else as it is. */
    public String value(Object value) {
        return value(value, locale());
    }

    public static String value(Object value, Locale locale) {
        if (value instanceof String text && ("true".equals(text) || "false".equals(text))) {
            return of(Boolean.valueOf(text), locale);
        }
        return of(value, locale);
    }

    /** The label of {@code code} in {@code family} (an enum's key prefix), for codes held as strings. */
    public String code(String family, Object code) {
        return code == null ? "" : text(family + "." + code, humane(String.valueOf(code)), locale());
    }

    /** The label of a journal action code, such as {@code JOURNAL_EXPORTED}. */
    public String action(String code) {
        return code(ACTION, code);
    }

    /** Evidence written as language-neutral data, in words: codes labelled, dates and booleans formatted, days named. */
    public String evidence(String text) {
        return evidence(text, locale());
    }

    /**
     * Recorded data, such as a journal entry's target, shown with its known codes labelled and its ISO dates in the
     * one date format; anything else stays exactly as recorded (an unknown code too: it may be a name).
     */
    public String data(String text) {
        return data(text, locale());
    }

    static String data(String text, Locale locale) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = replace(ISO_DATE.matcher(text), m -> {
            try {
                return Formats.date(LocalDate.parse(m.group()), locale);
            } catch (DateTimeParseException e) {
                return m.group();
            }
        });
        return replace(CODE.matcher(s), m -> {
            String label = codeLabel(m.group(), locale);
            return label.equals(humane(m.group())) ? m.group() : label;
        });
    }

    public static String of(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> constant) {
            return text(key(constant), humane(constant.name()), locale);
        }
        if (value instanceof Boolean flag) {
            return text("Boolean." + flag, String.valueOf(flag), locale);
        }
        return String.valueOf(value);
    }

    /** The key of an enum constant: {@code TenantState.ACTIVE}, {@code JournalEvent.Outcome.SUCCESS}. */
    public static String key(Enum<?> constant) {
        return family(constant.getDeclaringClass()) + "." + constant.name();
    }

    /** The key prefix of an enum type: its simple name, after its outer class's for a nested enum. */
    public static String family(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : family(outer) + "." + type.getSimpleName();
    }

    static String evidence(String text, Locale locale) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = replace(DAYS.matcher(text), m -> m.group(3) != null
                ? text("Evidence.days", "{0} d", locale).replace("{0}", m.group(3))
                : text("Evidence.daysBelow", "{0} d < {1} d", locale).replace("{0}", m.group(1)).replace("{1}", m.group(2)));
        s = replace(ISO_DATE.matcher(s), m -> {
            try {
                return Formats.date(LocalDate.parse(m.group()), locale);
            } catch (DateTimeParseException e) {
                return m.group();
            }
        });
        s = replace(BOOLEAN.matcher(s), m -> text("Boolean." + m.group(1), m.group(1), locale));
        return replace(CODE.matcher(s), m -> codeLabel(m.group(), locale));
    }

    private static String codeLabel(String code, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        for (String family : EVIDENCE_FAMILIES) {
            if (bundle != null && bundle.containsKey(family + "." + code)) {
                return bundle.getString(family + "." + code);
            }
        }
        return humane(code);
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A code as lower-case words, the last resort: {@code JOURNAL_EXPORTED} → "journal exported". */
    static String humane(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String text(String key, String fallback, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        try {
            return bundle == null ? fallback : bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, Labels.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private Locale locale() {
        return language.getLocale();
    }
}

package fr.gestan.cloud.web.i18n;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Shown;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates, times and numbers for the user's language, in EL, for every screen:
 * {@code #{fmt.dateTime(entry.occurredAt())}}, {@code #{fmt.shortDateTime(request.requestedAt())}}, {@code #{fmt.stamp(maintenance.startsAt())}},
 * {@code #{fmt.date(contract.start())}}, {@code #{fmt.number(count)}}, {@code #{fmt.join(names)}},
 * {@code #{fmt.duration(minutes)}} ("2 h 59 min"), {@code #{fmt.plural(tmsg['tile.tenants.count'], n)}} (a
 * {@code MessageFormat} with a choice: "1 client", "2 clients"). One date format and one duration format in every
 * language and every screen, the same as the documents' ({@link Shown}): "03/12/2026 14:05". Instants are
 * stored in UTC and shown in Europe/Paris ({@link Paris}), whatever the server's time zone. (Faces 4.0's
 * {@code f:convertDateTime} has no {@code type="instant"}, added in Faces 4.1: it fails with "Invalid type: instant"
 * on WildFly 39.)
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    LanguageBean language;

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(instant, locale());
    }

    /** Short date and time, without seconds: "15/01/2026 09:30". */
    public String shortDateTime(Instant instant) {
        return instant == null ? "" : shortDateTime(instant, locale());
    }

    /** Day and minute, the same in every language: "15/01/2026 09:30". */
    public String stamp(Instant instant) {
        return Shown.dateTime(instant);
    }

    /** Names separated by commas: "gc-prod-01, gc-prod-02". */
    public String join(Collection<String> names) {
        return names == null ? "" : String.join(", ", names);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date(date, locale());
    }

    public String number(Number number) {
        return number == null ? "" : number(number, locale());
    }

    /** The day of a {@code LocalDate} or of an {@code Instant} (in Paris): "03/12/2026". */
    public String day(Object value) {
        if (value instanceof LocalDate date) {
            return Shown.date(date);
        }
        if (value instanceof Instant instant) {
            return Shown.date(LocalDate.ofInstant(instant, Paris.ZONE));
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** A duration in minutes: "2 h 59 min", "45 min". */
    public String duration(Number minutes) {
        return minutes == null ? "" : Shown.duration(minutes.longValue());
    }

    /**
     * A count with its noun, in the user's language: {@code pattern} is a {@code MessageFormat} with a choice, such as
     * {@code {0,choice,0#aucun client|1#1 client|1<{0,number,integer} clients}}.
     */
    public String plural(String pattern, Number count) {
        return plural(pattern, count, locale());
    }

    static String plural(String pattern, Number count, Locale locale) {
        if (pattern == null) {
            return "";
        }
        MessageFormat format = parsed(pattern, locale);
        synchronized (format) { // a MessageFormat is not safe for concurrent use; formatting one count is short
            return format.format(new Object[] {count == null ? 0 : count});
        }
    }

    /** The parsed plurals, by pattern and language: the bundles' few dozen patterns in two languages. */
    private static final Map<Map.Entry<String, Locale>, MessageFormat> PLURALS = new ConcurrentHashMap<>();
    /** More than the bundles hold: beyond it a pattern is parsed at each call, as before, and not kept. */
    static final int PLURALS_KEPT = 1000;

    /**
     * {@code pattern} parsed once per language: parsing a choice and its number format at each count was 2 to 3 % of
     * the back-office dashboard's request CPU (five counts a view; docs/performance.md, "staff pages' CPU per view against the home page's").
     */
    static MessageFormat parsed(String pattern, Locale locale) {
        Map.Entry<String, Locale> key = Map.entry(pattern, locale);
        MessageFormat kept = PLURALS.get(key);
        if (kept != null) {
            return kept;
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        if (PLURALS.size() < PLURALS_KEPT) {
            MessageFormat raced = PLURALS.putIfAbsent(key, format);
            return raced != null ? raced : format;
        }
        return format;
    }

    /** The zone id for f:convertDateTime: {@code timeZone="#{fmt.zone}"}. */
    public String getZone() {
        return Paris.ZONE_ID;
    }

    static String dateTime(Instant instant, Locale locale) {
        return Shown.dateTimeSeconds(instant);
    }

    static String shortDateTime(Instant instant, Locale locale) {
        return Shown.dateTime(instant);
    }

    static String date(LocalDate date, Locale locale) {
        return Shown.date(date);
    }

    static String number(Number number, Locale locale) {
        return NumberFormat.getNumberInstance(locale).format(number);
    }

    private Locale locale() {
        return language.getLocale();
    }
}

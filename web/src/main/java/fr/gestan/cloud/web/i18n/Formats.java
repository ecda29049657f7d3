package fr.gestan.cloud.web.i18n;

import fr.gestan.cloud.common.Paris;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;

/**
 * Dates, times and numbers for the user's language, in EL, for every screen:
 * {@code #{fmt.dateTime(entry.occurredAt())}}, {@code #{fmt.shortDateTime(request.requestedAt())}}, {@code #{fmt.stamp(maintenance.startsAt())}},
 * {@code #{fmt.date(contract.start())}}, {@code #{fmt.number(count)}}, {@code #{fmt.join(names)}}. Instants are
 * stored in UTC and shown in Europe/Paris ({@link Paris}), whatever the server's time zone. (Faces 4.0's
 * {@code f:convertDateTime} has no {@code type="instant"}, added in Faces 4.1: it fails with "Invalid type: instant"
 * on WildFly 39.)
 */
@Named("fmt")
@RequestScoped
public class Formats {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Paris.ZONE);

    @Inject
    LanguageBean language;

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(instant, locale());
    }

    /** Short date and time, without seconds: "15/01/2026 09:30", "1/15/26, 9:30 AM". */
    public String shortDateTime(Instant instant) {
        return instant == null ? "" : shortDateTime(instant, locale());
    }

    /** Day and minute, the same in every language: "15/01/2026 09:30". */
    public String stamp(Instant instant) {
        return instant == null ? "" : STAMP.format(instant);
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

    /** The zone id for f:convertDateTime: {@code timeZone="#{fmt.zone}"}. */
    public String getZone() {
        return Paris.ZONE_ID;
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale)
                .withZone(Paris.ZONE).format(instant);
    }

    static String shortDateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(Paris.ZONE).format(instant);
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static String number(Number number, Locale locale) {
        return NumberFormat.getNumberInstance(locale).format(number);
    }

    private Locale locale() {
        return language.getLocale();
    }
}

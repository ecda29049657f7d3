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
import java.util.Locale;

/**
 * Dates, times and numbers for the user's language, in EL: {@code #{fmt.dateTime(entry.occurredAt())}},
 * {@code #{fmt.date(contract.start())}}, {@code #{fmt.number(count)}}. Instants are stored in UTC and shown in
 * Europe/Paris, whatever the server's time zone.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    LanguageBean language;

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(instant, locale());
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

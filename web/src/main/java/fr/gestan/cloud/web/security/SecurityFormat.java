package fr.gestan.cloud.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats instants for the pages, in Paris time and the page's language. Faces 4.0's {@code f:convertDateTime}
 * has no {@code type="instant"} (added in Faces 4.1): it fails with "Invalid type: instant" on WildFly 39.
 */
@Named
@ApplicationScoped
public class SecurityFormat {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale).withZone(PARIS)
                .format(instant);
    }
}

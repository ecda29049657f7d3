package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
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

    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale).withZone(Paris.ZONE)
                .format(instant);
    }
}

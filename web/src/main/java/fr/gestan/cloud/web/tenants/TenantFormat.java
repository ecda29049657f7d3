package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.common.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates of the tenants pages, in Paris time and the page's language: {@code #{tenantFormat.when(instant)}}. */
@Named
@ApplicationScoped
public class TenantFormat {

    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(Paris.ZONE).format(instant);
    }
}

package fr.gestan.cloud.web.hosting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants shown in Paris time on the hosting pages (Faces 4.0's converter has no "instant" type). */
@Named
@ApplicationScoped
public class HostingFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    public String join(java.util.Collection<String> names) {
        return names == null ? "" : String.join(", ", names);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}

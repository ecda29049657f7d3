package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants shown in Paris time on the hosting pages (Faces 4.0's converter has no "instant" type). */
@Named
@ApplicationScoped
public class HostingFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Paris.ZONE);

    public String join(java.util.Collection<String> names) {
        return names == null ? "" : String.join(", ", names);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}

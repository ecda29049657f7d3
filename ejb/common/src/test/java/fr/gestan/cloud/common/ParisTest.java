package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ParisTest {

    @Test
    void the_zone_is_paris_with_its_summer_time() {
        assertEquals(Paris.ZONE_ID, Paris.ZONE.getId());
        assertEquals(LocalDateTime.of(2026, 1, 15, 9, 30), LocalDateTime.ofInstant(Instant.parse("2026-01-15T08:30:00Z"), Paris.ZONE));
        assertEquals(LocalDateTime.of(2026, 7, 15, 10, 30), LocalDateTime.ofInstant(Instant.parse("2026-07-15T08:30:00Z"), Paris.ZONE));
    }
}

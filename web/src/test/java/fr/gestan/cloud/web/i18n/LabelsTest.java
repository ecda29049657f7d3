package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.hosting.api.ServerState;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void keys_are_derived_from_the_enum_name() {
        assertEquals("ServerState.MAJOR_OUTAGE", Labels.key(ServerState.MAJOR_OUTAGE));
        assertEquals("JournalEvent.Outcome.SUCCESS", Labels.key(JournalEvent.Outcome.SUCCESS));
        assertEquals("Panne majeure", Labels.of(ServerState.MAJOR_OUTAGE, Locale.FRENCH));
        assertEquals("Major outage", Labels.of(ServerState.MAJOR_OUTAGE, Locale.ENGLISH));
        assertEquals("Réussi", Labels.of(JournalEvent.Outcome.SUCCESS, Locale.FRENCH));
        assertEquals("Oui", Labels.of(true, Locale.FRENCH));
        assertEquals("No", Labels.of(false, Locale.ENGLISH));
    }

    @Test
    void a_code_without_label_never_shows_raw() {
        assertEquals("journal exported", Labels.humane("JOURNAL_EXPORTED"));
        assertEquals("Journal exporté", Labels.text(Labels.ACTION + ".JOURNAL_EXPORTED", "?", Locale.FRENCH));
    }

    @Test
    void evidence_reads_as_words() {
        assertEquals("30 jours au lieu des 2191 exigés", Labels.evidence("30 < 2191 d", Locale.FRENCH));
        assertEquals("30 days instead of the 2191 required", Labels.evidence("30 < 2191 d", Locale.ENGLISH));
        assertEquals("gc-prod-01 Instantané avant mise à jour", Labels.evidence("gc-prod-01 UPDATE_SNAPSHOT", Locale.FRENCH));
        assertEquals("PAR2 ISO 27001 31/12/2027", Labels.evidence("PAR2 ISO 27001 2027-12-31", Locale.FRENCH));
        assertEquals("Scaleway / Hébergeur", Labels.evidence("Scaleway / HOSTING_OPERATOR", Locale.FRENCH));
        assertEquals("Non", Labels.evidence("false", Locale.FRENCH));
        assertFalse(Labels.evidence("gc-prod-01 BACKUP late", Locale.ENGLISH).contains("BACKUP"));
    }

    @Test
    void recorded_data_keeps_what_is_not_a_known_code() {
        assertEquals("Scaleway (Hébergeur) from 03/12/2026", Labels.data("Scaleway (HOSTING_OPERATOR) from 2026-12-03", Locale.FRENCH));
        assertEquals("login ACME_ADMIN", Labels.data("login ACME_ADMIN", Locale.FRENCH));
        assertEquals("", Labels.data(null, Locale.FRENCH));
    }
}

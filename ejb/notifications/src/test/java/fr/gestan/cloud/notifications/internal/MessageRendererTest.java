package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    @Test
    void anEmailIsFrenchThenEnglishInTextAndEscapedHtmlWithTheUnsubscribeLink() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("title", "Panne <disque>");
        facts.put("impact", "MAJOR");
        facts.put("servers", "GC-PROD-01");
        facts.put("message", "On regarde.");
        facts.put("statusUrl", "https://localhost:8443/status");
        Message m = MessageRenderer.email("INCIDENT_OPENED", facts, "https://localhost:8443/u?token=x&y");
        assertEquals("[Gestan Cloud] Incident : Panne <disque>", m.subject());
        assertTrue(m.text().indexOf("Incident « Panne <disque> » ouvert") < m.text().indexOf("Incident \"Panne <disque>\" opened"), m.text());
        assertTrue(m.text().contains("Se désabonner en un clic : https://localhost:8443/u?token=x&y"));
        assertTrue(m.html().contains("Panne &lt;disque&gt;"));
        assertFalse(m.html().contains("<disque>"));
        assertTrue(m.html().contains("lang=\"en\""));
        assertEquals("https://localhost:8443/u?token=x&y", m.unsubscribeUrl());
    }

    @Test
    void aStaffAccessNoticeNamesTheActionInWords() {
        Message m = MessageRenderer.email("STAFF_ACCESS", Map.of("action", "SECRET_REVEALED", "actor", "support.demo",
                "reason", "ticket 42", "target", "compta", "tenant", "552100554", "at", "now"), null);
        assertTrue(m.text().contains("action SECRET_REVEALED du now"), m.text());
        assertTrue(m.subject().contains("affichage d'un identifiant"), m.subject());
        assertTrue(m.text().contains("Motif indiqué : ticket 42"));
        assertTrue(m.text().contains("Reason given: ticket 42"));
    }

    @Test
    void aSubProcessorChangeGivesTheDatesAndTheServicesInEachLanguage() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", "Sauvegardes SAS");
        facts.put("country", "FR");
        facts.put("servicesFr", "stockage des sauvegardes");
        facts.put("servicesEn", "backup storage");
        facts.put("change", "ADDED");
        facts.put("detailFr", "");
        facts.put("detailEn", "");
        facts.put("effectiveOn", "2027-01-15");
        facts.put("objectionUntil", "2027-01-03");
        facts.put("tenant", "552100554");
        facts.put("portalUrl", "https://localhost:8443/portal/subprocessors.xhtml");
        Message m = MessageRenderer.email("SUB_PROCESSOR_CHANGE", facts, null);
        assertEquals("[Gestan Cloud] Sous-traitant ultérieur : Sauvegardes SAS (ajout)", m.subject());
        assertTrue(m.text().contains("stockage des sauvegardes — ajout à compter du 2027-01-15"), m.text());
        assertTrue(m.text().contains("jusqu'au 2027-01-03 inclus"), m.text());
        assertTrue(m.text().contains("backup storage — added from 2027-01-15"), m.text());
        assertTrue(m.html().contains("<a href=\"https://localhost:8443/portal/subprocessors.xhtml\">"), m.html());
    }

    @Test
    void anOperatorsChangeOfOwnerNamesTheNewOwnerAndLinksToTheNotice() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", "Scaleway SAS");
        facts.put("country", "FR");
        facts.put("servicesFr", "hébergement des serveurs");
        facts.put("servicesEn", "hosting of the servers");
        facts.put("change", "OWNER_CHANGED");
        facts.put("detailFr", " : Atlantic Cloud Inc. (US)");
        facts.put("detailEn", ": Atlantic Cloud Inc. (US)");
        facts.put("effectiveOn", "2027-03-01");
        facts.put("objectionUntil", "2027-01-31");
        facts.put("tenant", "552100554");
        facts.put("portalUrl", "https://localhost:8443/portal/subprocessors.xhtml#change-7");
        Message m = MessageRenderer.email("SUB_PROCESSOR_CHANGE", facts, null);
        assertEquals("[Gestan Cloud] Sous-traitant ultérieur : Scaleway SAS (changement de contrôle de l'hébergeur)", m.subject());
        assertTrue(m.text().contains("changement de contrôle de l'hébergeur : Atlantic Cloud Inc. (US) à compter du 2027-03-01"), m.text());
        assertTrue(m.text().contains("change of the operator's controlling owner: Atlantic Cloud Inc. (US) from 2027-03-01"), m.text());
        assertTrue(m.html().contains("<a href=\"https://localhost:8443/portal/subprocessors.xhtml#change-7\">"), m.html());
    }

    @Test
    void aWebhookPayloadIsJsonWithTypeTimestampAndData() {
        Message m = MessageRenderer.webhook("INCIDENT_RESOLVED", Map.of("title", "a \"b\"\n"), Instant.parse("2026-12-03T10:00:00Z"));
        assertEquals("incident.resolved", m.subject());
        assertEquals("{\"type\":\"incident.resolved\",\"timestamp\":\"2026-12-03T10:00:00Z\",\"data\":{\"title\":\"a \\\"b\\\"\\n\"}}", m.text());
    }
}

package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalPositionsTest {

    private static Message staffAccess() {
        return MessageRenderer.email("STAFF_ACCESS", Map.of("action", "SECRET_REVEALED", "actor", "support.demo", "reason", "ticket 42",
                "target", "compta", "tenant", "552100554", "at", "now", "journalEntry", "9876"), null);
    }

    @Test
    void theStoredMessageHoldsTheEntryAndTheSentOneItsPositionInEachLanguage() {
        Message stored = staffAccess();
        assertTrue(JournalPositions.marked(stored));
        Message sent = JournalPositions.named(stored, id -> id == 9876 ? 1234L : null, false);
        assertTrue(sent.text().contains("Entrée du journal d'accès : position 1234 (action SECRET_REVEALED du now"), sent.text());
        assertTrue(sent.text().contains("Access journal entry: position 1234"), sent.text());
        assertTrue(sent.html().contains("position 1234"), sent.html());
        assertFalse(JournalPositions.marked(sent));
    }

    @Test
    void notSequencedYetTheMessageWaitsThenGoesWithTheEntryId() {
        Message stored = staffAccess();
        assertNull(JournalPositions.named(stored, id -> null, false));
        Message late = JournalPositions.named(stored, id -> null, true);
        assertTrue(late.text().contains("position ? (entry id 9876)"), late.text());
    }

    @Test
    void aMessageWithoutEntryIsUnchanged() {
        Message plain = MessageRenderer.email("INCIDENT_RESOLVED", Map.of("title", "x"), null);
        assertFalse(JournalPositions.marked(plain));
        assertEquals(plain, JournalPositions.named(plain, id -> 1L, false));
    }
}

package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.MarkupText;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.notifications.api.Channel;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily digest of staff-access notices (clients who chose it in their portal): the notices held before today
 * (Paris) go as one message per client and recipient, French then English, each access with its journal position
 * (filled in by the sender as for a single notice). Once per client, recipient and day: the key is stored with the
 * staff reminders' ({@link ReminderSent}), in the same transaction, so a second pass or another node writes nothing.
 */
final class StaffAccessDigests {

    static final String KIND = "STAFF_ACCESS_DIGEST";
    private static final String SEPARATOR = "\n\n==========\n\n";

    private StaffAccessDigests() {
    }

    /** Writes the digests due; returns how many. */
    static int write(EntityManager em, LocalDate today, Instant now) {
        Instant before = today.atStartOfDay(Paris.ZONE).toInstant();
        Map<String, List<Delivery>> groups = new LinkedHashMap<>();
        for (Delivery held : em.createNamedQuery(Delivery.HELD_BEFORE, Delivery.class).setParameter("before", before).getResultList()) {
            groups.computeIfAbsent(held.tenantRef() + "\n" + held.target(), k -> new ArrayList<>()).add(held);
        }
        int written = 0;
        for (List<Delivery> items : groups.values()) {
            Delivery first = items.get(0);
            String key = "digest:" + first.tenantRef() + ":" + Tokens.sha256Hex(first.target()).substring(0, 16) + ":" + today;
            if (em.find(ReminderSent.class, key) != null) {
                continue; // today's digest went: these wait for tomorrow's
            }
            em.persist(new ReminderSent(key, now));
            em.persist(new Delivery(KIND, first.tenantRef(), Channel.EMAIL, first.target(), null, message(first.tenantRef(), today, items), now));
            items.forEach(d -> d.digested(now));
            written++;
        }
        return written;
    }

    static Message message(String tenant, LocalDate today, List<Delivery> items) {
        Map<String, String> facts = Map.of("tenant", tenant, "count", Integer.toString(items.size()), "day", today.toString());
        StringBuilder text = new StringBuilder(MessageRenderer.text(Locale.FRENCH, "body." + KIND, facts)).append('\n')
                .append(MessageRenderer.text(Locale.ENGLISH, "body." + KIND, facts));
        for (Delivery item : items) {
            text.append(SEPARATOR).append(item.message().text());
        }
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><pre style=\"white-space:pre-wrap\">"
                + MarkupText.escape(text.toString()) + "</pre></body></html>";
        return new Message(MessageRenderer.text(Locale.FRENCH, "subject." + KIND, facts), text.toString(), html, null);
    }
}

package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.notify.ReminderSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance module's reminders (docs/notifications.md): each client's newest certificate expiring (at 30 days,
 * at 7 days, once expired, for a week after) and the blocking rules of the daily report (once per set of failing
 * rules: a new failure reminds again). The notifications module sends each once to staff and to the client.
 */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN}) // the reminders' timer runs as support; "remind now" is for support and admins
public class ComplianceRemindersBean implements ReminderSource {

    static final int MAX = 500;

    @PersistenceContext(unitName = "compliance")
    EntityManager em;

    @Override
    public List<DueReminder> dueReminders(LocalDate today) {
        List<DueReminder> due = new ArrayList<>();
        Instant limit = today.plusDays(31).atStartOfDay(Paris.ZONE).toInstant();
        Instant oldest = today.minusDays(7).atStartOfDay(Paris.ZONE).toInstant();
        // the newest certificate of each client, not revoked, ending within 30 days (or just ended)
        Map<String, Object[]> newest = new HashMap<>();
        for (Object[] row : em.createQuery("select c.tenantSiren, c.number, c.validUntil from CertificateRecord c"
                + " where c.revokedAt is null order by c.validUntil", Object[].class).getResultList()) {
            newest.put((String) row[0], row); // ordered by validUntil: the last one wins
        }
        newest.values().stream().filter(r -> ((Instant) r[2]).isBefore(limit) && ((Instant) r[2]).isAfter(oldest))
                .limit(MAX).forEach(r -> {
                    LocalDate ends = LocalDate.ofInstant((Instant) r[2], Paris.ZONE);
                    String mark = mark(ends, today);
                    due.add(new DueReminder("certificate:" + r[1] + ":" + mark, (String) r[0], "CERTIFICATE_EXPIRING",
                            r[1] + " (" + r[0] + ")", mark, ends));
                });
        for (Object[] row : em.createQuery("select r.tenantSiren, r.tenantName, r.blockingRules, r.evaluatedAt from StoredReport r"
                + " where r.blockingRules <> '' order by r.tenantSiren", Object[].class).setMaxResults(MAX).getResultList()) {
            String rules = (String) row[2];
            due.add(new DueReminder("compliance:" + row[0] + ":" + rules, (String) row[0], "COMPLIANCE_FAILING",
                    row[1] + " (" + row[0] + ") : " + rules, "failing", LocalDate.ofInstant((Instant) row[3], Paris.ZONE)));
        }
        return due;
    }

    /** "30", "7" or "expired" (the same marks as the staff reminders). */
    static String mark(LocalDate day, LocalDate today) {
        if (day.isBefore(today)) {
            return "expired";
        }
        return day.isAfter(today.plusDays(7)) ? "30" : "7";
    }
}

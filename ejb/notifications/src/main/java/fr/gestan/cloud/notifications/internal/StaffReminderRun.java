package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.NoticeKind;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.notify.ReminderSource;
import fr.gestan.cloud.hosting.api.CertificationView;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One pass of the staff reminders and alerts, in one transaction: confidentiality agreements and data-centre
 * certifications expiring (a reminder at 30 days, another at 7, one when expired), initial secrets expired before
 * being changed (one per account and secret), the {@link ReminderSource}s' reminders (certificates expiring, compliance
 * failing: also to the client concerned), servers degraded, down or silent
 * (one alert per server, state and day). Each reminder is a {@code STAFF_REMINDER} notice to the on-call address,
 * sent once: its key is stored in the same transaction ({@link ReminderSent}), so a second pass, here or on another
 * node, sends nothing again. Called by {@link StaffReminders} (run as support) and by staff ("remind now").
 */
@Stateless
@LocalBean
@PermitAll // the callers are the timer, running as support, and NotificationDesk, for support and admins
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StaffReminderRun {

    private static final Set<ServerState> ALERTING = Set.of(ServerState.DEGRADED_PERFORMANCE, ServerState.PARTIAL_OUTAGE,
            ServerState.MAJOR_OUTAGE, ServerState.NO_DATA);

    @PersistenceContext(unitName = "notifications")
    EntityManager em;
    @EJB
    Notifications notifications;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    HostingInventory inventory;
    @EJB
    ServerStatus status;
    @EJB
    HostedAccounts accounts;
    /** The modules that know of other reminders (none when the compliance module is not deployed). */
    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<ReminderSource> sources;

    /** Sends the reminders due today not sent yet; returns how many. */
    public int run() {
        LocalDate today = LocalDate.now(Paris.ZONE);
        int sent = 0;
        for (AgreementView a : agreements.expiringSoon()) {
            String mark = mark(a.expiresOn(), today);
            if (mark != null && remind("agreement:" + a.id() + ":" + mark, "AGREEMENT_EXPIRING", a.username(), mark, a.expiresOn())) {
                sent++;
            }
        }
        for (DataCentreView dc : inventory.dataCentres()) {
            for (CertificationView c : dc.certifications()) {
                String mark = mark(c.expiresOn(), today);
                if (mark != null && remind("certification:" + dc.code() + ":" + c.name() + ":" + c.expiresOn() + ":" + mark,
                        "CERTIFICATION_EXPIRING", c.name() + " (" + dc.code() + ", " + c.issuer() + ")", mark, c.expiresOn())) {
                    sent++;
                }
            }
        }
        for (HostedAccountView account : accounts.overdueInitialSecrets(500)) {
            if (remind("initial-secret:" + account.id() + ":" + account.secretExpiresOn(), "INITIAL_SECRET_OVERDUE",
                    account.login() + " (" + account.tenantSiren() + ")", "expired", account.secretExpiresOn())) {
                sent++;
            }
        }
        // the other modules' reminders (the compliance module: certificates expiring, compliance failing), to staff
        // and to the client concerned, once each
        for (ReminderSource source : sources) {
            for (ReminderSource.DueReminder due : source.dueReminders(today)) {
                if (remind(due.key(), due.what(), due.item(), due.mark(), due.due())) {
                    sent++;
                    if (due.tenantRef() != null) {
                        Map<String, String> facts = new LinkedHashMap<>();
                        facts.put("what", due.what());
                        facts.put("item", due.item());
                        facts.put("mark", due.mark());
                        facts.put("due", due.due().toString());
                        notifications.publish(new Notice(NoticeKind.CLIENT_REMINDER, due.tenantRef(), Set.of(), Set.of(), facts));
                    }
                }
            }
        }
        // the clients' daily digests of staff-access notices (those who chose it)
        sent += StaffAccessDigests.write(em, today, Instant.now());
        for (ComponentStatusView server : status.publicStatus().components()) {
            if (ALERTING.contains(server.state()) && remind("server:" + server.serverId() + ":" + server.state() + ":" + today,
                    "SERVER_STATE", server.name() + " (" + server.dataCentreCode() + ")", server.state().name(), today)) {
                sent++;
            }
        }
        return sent;
    }

    /** Which staff role a reminder concerns: agreements and certifications are the administrators', the rest support's. */
    static String roleFor(String what) {
        return switch (what) {
            case "AGREEMENT_EXPIRING", "CERTIFICATION_EXPIRING" -> fr.gestan.cloud.common.Roles.ADMIN;
            default -> fr.gestan.cloud.common.Roles.SUPPORT;
        };
    }

    /** "30", "7" or "expired" for an expiry on {@code day}, or null when more than 30 days away. */
    static String mark(LocalDate day, LocalDate today) {
        if (day == null || day.isAfter(today.plusDays(30))) {
            return null;
        }
        if (day.isBefore(today)) {
            return "expired";
        }
        return day.isAfter(today.plusDays(7)) ? "30" : "7";
    }

    private boolean remind(String key, String what, String item, String mark, LocalDate due) {
        String stored = key.length() > 200 ? key.substring(0, 200) : key;
        if (em.find(ReminderSent.class, stored) != null) {
            return false;
        }
        em.persist(new ReminderSent(stored, Instant.now()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("what", what);
        facts.put("item", item);
        facts.put("mark", mark);
        facts.put("due", due.toString());
        facts.put("role", roleFor(what));
        notifications.publish(new Notice(NoticeKind.STAFF_REMINDER, null, Set.of(), Set.of(), facts));
        return true;
    }
}

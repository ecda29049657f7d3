package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.NoticeKind;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.security.api.ReporterJournal;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.security.api.StaffException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ServerIdentitiesBean extends SecurityServiceBase implements ServerIdentities {

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public IdentityView add(String username, Kind kind, String value) throws StaffException {
        String who = username.strip();
        if (em.createNamedQuery(StaffMember.BY_USERNAME, StaffMember.class).setParameter("username", who).getResultList().isEmpty()) {
            throw new StaffException(StaffException.Reason.UNKNOWN, who);
        }
        if (byValue(kind, value).isPresent()) {
            throw new StaffException(StaffException.Reason.DUPLICATE, who);
        }
        ServerIdentity identity = new ServerIdentity(who, kind, value, now(), actor());
        em.persist(identity);
        journal.record(JournalEvent.success("SERVER_IDENTITY_ADDED", null, who + " " + kind + " " + identity.toView().value()));
        return identity.toView();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public void remove(long id) {
        ServerIdentity identity = em.find(ServerIdentity.class, id);
        if (identity != null) {
            em.remove(identity);
            journal.record(JournalEvent.success("SERVER_IDENTITY_REMOVED", null, identity.username() + " " + identity.toView().kind()
                    + " " + identity.toView().value()));
        }
    }

    @Override
    public List<IdentityView> all() {
        return em.createNamedQuery(ServerIdentity.ALL, ServerIdentity.class).getResultList().stream().map(ServerIdentity::toView).toList();
    }

    private Optional<ServerIdentity> byValue(Kind kind, String value) {
        return em.createNamedQuery(ServerIdentity.BY_VALUE, ServerIdentity.class).setParameter("kind", kind)
                .setParameter("value", ServerIdentity.normalised(kind, value)).getResultList().stream().findFirst();
    }

    @Override
    @PermitAll // the agent API is anonymous: the reporter proved itself with its token
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AccessCheck check(String reporter, Access access) {
        // the key says who it is even when the account is shared (root); else the login, or the RDP account
        Optional<ServerIdentity> match = Optional.empty();
        if (access.keyFingerprint() != null && !access.keyFingerprint().isBlank()) {
            match = byValue(Kind.SSH_KEY, access.keyFingerprint());
        }
        if (match.isEmpty()) {
            match = byValue("rdp".equals(access.method()) ? Kind.RDP_ACCOUNT : Kind.UNIX_LOGIN, access.account());
        }
        String username = match.map(ServerIdentity::username).orElse(null);
        LocalDate day = LocalDate.ofInstant(access.at(), Paris.ZONE);
        AlertReason reason = username == null ? AlertReason.UNKNOWN_IDENTITY
                : StaffClearanceBean.clearedSupportOn(em, username, day) ? null : AlertReason.NOT_CLEARED_SUPPORT;
        if (reason == null) {
            return new AccessCheck(username, null, null);
        }
        ServerAccessAlert alert = new ServerAccessAlert(reporter, access, reason, username, now());
        em.persist(alert);
        em.flush();
        String target = access.serverRef() + " " + access.method() + " " + access.account() + "@" + access.address() + " at " + access.at()
                + (access.keyFingerprint() == null ? "" : " key " + access.keyFingerprint()) + (username == null ? "" : " (" + username + ")");
        AccessJournalBean.append(em, reporter, ReporterJournal.ROLE,
                JournalEvent.refused("SERVER_ACCESS_ALERT", null, target, reason.name()).withSourceIp(access.address()), clock);
        mailOnCall(access, reason, username);
        return new AccessCheck(username, reason, alert.id());
    }

    /**
     * The alert also goes out by mail to the on-call address, through the notification outbox in this transaction
     * (a refused batch mails nothing). Not sent when the notifications module is not deployed (some tests).
     */
    private void mailOnCall(Access access, AlertReason reason, String username) {
        Notifications notifications;
        try {
            notifications = (Notifications) caller.lookup(JournalIntegrityBean.NOTIFICATIONS);
        } catch (IllegalArgumentException absent) {
            java.util.logging.Logger.getLogger(ServerIdentitiesBean.class.getName())
                    .warning("No notifications module deployed: server sign-in alert not mailed");
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("server", access.serverRef());
        facts.put("account", access.account());
        facts.put("address", access.address());
        facts.put("method", access.method());
        facts.put("occurredAt", Shown.DATE_TIME_SECONDS_ZONE.format(access.at()));
        facts.put("accessReason", reason.name());
        facts.put("who", username == null ? "—" : username);
        notifications.publish(new Notice(NoticeKind.SERVER_ACCESS_ALERT, null, Set.of(), Set.of(), facts));
    }

    @Override
    public List<AlertView> openAlerts(int max) {
        return em.createNamedQuery(ServerAccessAlert.OPEN, ServerAccessAlert.class).setMaxResults(max).getResultList().stream()
                .map(ServerAccessAlert::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public AlertView acknowledge(long alertId, String note) {
        ServerAccessAlert alert = em.find(ServerAccessAlert.class, alertId);
        if (alert == null) {
            throw new IllegalArgumentException("no alert " + alertId);
        }
        if (alert.acknowledge(actor(), note, now())) {
            journal.record(JournalEvent.success("SERVER_ACCESS_ALERT_ACKNOWLEDGED", null, "alert " + alertId + ": " + note.strip()));
        }
        return alert.toView();
    }
}

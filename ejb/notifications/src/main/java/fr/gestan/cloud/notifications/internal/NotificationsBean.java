package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.NoticeKind;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The outbox's entry ({@code MANDATORY}: in the transaction of the event announced): finds the recipients of a notice
 * and stores one rendered delivery per recipient. Status notices go to the active subscriptions covering one of the
 * servers or data centres named; staff-access notices to the tenant's security contact (tenants API). Anyone may
 * publish; the actor comes from the caller's identity.
 */
@Stateless
@PermitAll
// Finding the recipients (tenants API, staff directory) is this module's own business, whoever announces: an agent's
// anonymous server_access event must reach the tenant's security contact as a support engineer's reveal does.
@jakarta.annotation.security.RunAs(fr.gestan.cloud.common.Roles.SUPPORT)
public class NotificationsBean implements Notifications {

    private static final Logger LOG = Logger.getLogger(NotificationsBean.class.getName());

    @PersistenceContext(unitName = "notifications")
    EntityManager em;
    @Resource
    SessionContext caller;
    @EJB
    TenantService tenants;
    @EJB
    fr.gestan.cloud.security.api.StaffDirectory staff;
    /** The datasource's connection in a transaction is the persistence unit's: the bulk entry commits with the caller's work. */
    @Resource(lookup = fr.gestan.cloud.common.persistence.SchemaMigrations.DATASOURCE)
    javax.sql.DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publishAll(List<Notice> notices) {
        if (notices.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " notices in one call, not " + notices.size());
        }
        // the tenants of the new certificates, in one query rather than one per notice
        List<String> sirens = notices.stream().filter(n -> n.kind() == NoticeKind.CERTIFICATE_ISSUED && n.tenantRef() != null)
                .map(Notice::tenantRef).distinct().toList();
        Map<String, TenantRecord> records = new java.util.HashMap<>();
        for (int from = 0; from < sirens.size(); from += MAX_BATCH) {
            tenants.recordsOf(sirens.subList(from, Math.min(sirens.size(), from + MAX_BATCH)))
                    .forEach(r -> records.put(r.siren(), r));
        }
        List<Delivery> deliveries = new java.util.ArrayList<>();
        for (Notice notice : notices) {
            if (notice.kind() == NoticeKind.CERTIFICATE_ISSUED) {
                Instant now = clock.instant();
                deliveries.addAll(certificateIssued(notice, commonFacts(notice, now), now, Optional.ofNullable(records.get(notice.tenantRef()))));
            } else {
                publish(notice);
            }
        }
        insertAll(deliveries);
    }

    /** New deliveries in one JDBC batch, in this transaction (a page of the certificate batch: two e-mails a certificate). */
    private void insertAll(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            JdbcBatches.insertAll(c, Delivery.INSERT, deliveries, (insert, d) -> d.bindNew(insert));
        } catch (java.sql.SQLException e) {
            throw new jakarta.ejb.EJBException("the outbox could not store " + deliveries.size() + " deliveries", e);
        }
    }

    /** The notice's facts with who announced it and when. */
    private Map<String, String> commonFacts(Notice notice, Instant now) {
        Map<String, String> facts = new LinkedHashMap<>(notice.facts());
        facts.putIfAbsent("actor", caller.getCallerPrincipal().getName());
        facts.putIfAbsent("at", Shown.DATE_TIME_SECONDS_ZONE.format(now));
        return facts;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(Notice notice) {
        Instant now = clock.instant();
        Map<String, String> facts = commonFacts(notice, now);
        if (notice.kind().isStatus()) {
            facts.putIfAbsent("statusUrl", Links.status());
            publishStatus(notice, facts, now);
        } else if (notice.kind() == NoticeKind.STAFF_ACCESS) {
            publishStaffAccess(notice, facts, now);
        } else if (notice.kind() == NoticeKind.SUB_PROCESSOR_CHANGE) {
            publishSubProcessorChange(notice, facts, now);
        } else if (notice.kind() == NoticeKind.CLIENT_REMINDER) {
            publishClientReminder(notice, facts, now);
        } else if (notice.kind() == NoticeKind.CERTIFICATE_ISSUED) {
            publishCertificateIssued(notice, facts, now, tenants.findBySiren(notice.tenantRef()));
        } else if (notice.kind() == NoticeKind.STAFF_REMINDER || notice.kind() == NoticeKind.SERVER_ACCESS_ALERT) {
            facts.putIfAbsent("adminUrl", Links.backOffice());
            Message message = MessageRenderer.email(notice.kind().name(), facts, null);
            // the on-call address, and the staff of the role concerned (their Keycloak addresses)
            Set<String> reached = new java.util.HashSet<>();
            java.util.List<String> to = new java.util.ArrayList<>(List.of(Links.onCall()));
            if (notice.facts().containsKey("role")) {
                to.addAll(staff.emailsOf(notice.fact("role")));
            }
            for (String address : to) {
                if (reached.add(Subscription.keyOf(Channel.EMAIL, address))) {
                    em.persist(new Delivery(notice.kind().name(), null, Channel.EMAIL, address, null, message, now));
                }
            }
        }
    }

    private void publishStatus(Notice notice, Map<String, String> facts, Instant now) {
        List<String> servers = notice.servers().stream().map(String::valueOf).toList();
        List<Subscription> subscribers = Subscription.activeFor(em, notice.dataCentres(), servers);
        Set<String> reached = new java.util.HashSet<>();
        for (Subscription s : subscribers) {
            // one message per address even when several of its subscriptions cover the event
            if (!reached.add(s.channel() + " " + Subscription.keyOf(s.channel(), s.address()))) {
                continue;
            }
            Message message = s.channel() == Channel.EMAIL
                    ? MessageRenderer.email(notice.kind().name(), facts, Links.unsubscribe(s.unsubscribeToken()))
                    : MessageRenderer.webhook(notice.kind().name(), facts, now);
            em.persist(new Delivery(notice.kind().name(), null, s.channel(), s.address(), s, message, now));
        }
        // the clients hosted on those servers, by default (unless they turned it off in the portal)
        if (!notice.clients().isEmpty()) {
            Set<String> optedOut = new java.util.HashSet<>(em.createNamedQuery(ClientPreference.OPTED_OUT, String.class)
                    .setParameter("sirens", notice.clients()).getResultList());
            for (String siren : new java.util.TreeSet<>(notice.clients())) {
                tenantWebhooks(siren, notice.kind().name(), facts, now, reached); // registered in the portal: always
                Contact contact = optedOut.contains(siren) ? null : statusContact(siren);
                if (contact != null && contact.email() != null && reached.add(Channel.EMAIL + " " + Subscription.keyOf(Channel.EMAIL, contact.email()))) {
                    Message message = MessageRenderer.email(notice.kind().name(), facts, null);
                    em.persist(new Delivery(notice.kind().name(), siren, Channel.EMAIL, contact.email(), null, message, now));
                }
            }
        }
    }

    /** Who hears of a client's servers: its technical contact, else its administrative one. */
    private Contact statusContact(String siren) {
        return tenants.findBySiren(siren).map(TenantRecord::details)
                .map(d -> d.technical() != null && !d.technical().isEmpty() ? d.technical() : d.administrative()).orElse(null);
    }

    /**
     * One signed call to each active webhook the client company registered in its portal ({@code reached}: the URLs
     * already told of this notice, or null).
     */
    void tenantWebhooks(String siren, String kind, Map<String, String> facts, Instant now, Set<String> reached) {
        Map<String, String> data = new LinkedHashMap<>(facts);
        data.putIfAbsent("tenant", siren);
        if (data.containsKey("journalEntry")) {
            data.put("journalPosition", JournalPositions.marker(data.get("journalEntry"))); // the sender fills it in
        }
        for (Subscription hook : Subscription.activeOfTenant(em, siren)) {
            if (reached == null || reached.add(Channel.WEBHOOK + " " + Subscription.keyOf(Channel.WEBHOOK, hook.address()))) {
                em.persist(new Delivery(kind, siren, Channel.WEBHOOK, hook.address(), hook, MessageRenderer.webhook(kind, data, now), now));
            }
        }
    }

    private void publishStaffAccess(Notice notice, Map<String, String> facts, Instant now) {
        tenantWebhooks(notice.tenantRef(), notice.kind().name(), facts, now, null);
        Optional<Contact> contact = tenants.securityContact(notice.tenantRef());
        if (contact.isEmpty() || contact.get().email() == null) {
            LOG.warning(() -> "No security contact for tenant " + notice.tenantRef() + ": staff access not notified");
            return;
        }
        facts.putIfAbsent("tenant", notice.tenantRef());
        Message message = MessageRenderer.email(notice.kind().name(), facts, null);
        Delivery delivery = new Delivery(notice.kind().name(), notice.tenantRef(), Channel.EMAIL, contact.get().email(), null, message, now);
        if (ClientPreference.digests(em, notice.tenantRef())) {
            delivery.hold(); // for the client's daily digest (StaffAccessDigests)
        }
        em.persist(delivery);
    }

    /** To the client's administrative and technical contacts (one message per address) and its webhooks. */
    private void publishClientReminder(Notice notice, Map<String, String> facts, Instant now) {
        Optional<TenantRecord> tenant = tenants.findBySiren(notice.tenantRef());
        if (tenant.isEmpty()) {
            return;
        }
        facts.putIfAbsent("tenant", notice.tenantRef());
        facts.putIfAbsent("portalUrl", Links.portal());
        tenantWebhooks(notice.tenantRef(), notice.kind().name(), facts, now, null);
        Set<String> reached = new java.util.HashSet<>();
        for (Contact contact : java.util.Arrays.asList(tenant.get().details().administrative(), tenant.get().details().technical())) {
            if (contact != null && contact.email() != null && !contact.email().isBlank()
                    && reached.add(Subscription.keyOf(Channel.EMAIL, contact.email()))) {
                Message message = MessageRenderer.email(notice.kind().name(), facts, null);
                em.persist(new Delivery(notice.kind().name(), notice.tenantRef(), Channel.EMAIL, contact.email(), null, message, now));
            }
        }
    }

    /** To the client's administrative contact, the party to the processor agreement (GDPR art. 28(2)). */
    private void publishSubProcessorChange(Notice notice, Map<String, String> facts, Instant now) {
        Optional<TenantRecord> tenant = tenants.findBySiren(notice.tenantRef());
        if (tenant.isEmpty()) {
            LOG.warning(() -> "Unknown tenant " + notice.tenantRef() + ": sub-processor change not notified");
            return;
        }
        facts.putIfAbsent("portalUrl", Links.subProcessorChanges());
        tenantWebhooks(notice.tenantRef(), notice.kind().name(), facts, now, null);
        Contact contact = tenant.get().details().administrative();
        if (contact == null || contact.email() == null) {
            return;
        }
        facts.putIfAbsent("tenant", notice.tenantRef());
        facts.putIfAbsent("portalUrl", Links.subProcessorChanges());
        Message message = MessageRenderer.email(notice.kind().name(), facts, null);
        em.persist(new Delivery(notice.kind().name(), notice.tenantRef(), Channel.EMAIL, contact.email(), null, message, now));
    }

    /** To the client's administrative and technical contacts (one message per address): a new certificate exists. */
    private void publishCertificateIssued(Notice notice, Map<String, String> facts, Instant now, Optional<TenantRecord> tenant) {
        certificateIssued(notice, facts, now, tenant).forEach(em::persist);
    }

    /** The deliveries announcing a new certificate: one e-mail to each distinct contact of the tenant. */
    private List<Delivery> certificateIssued(Notice notice, Map<String, String> facts, Instant now, Optional<TenantRecord> tenant) {
        List<Delivery> deliveries = new java.util.ArrayList<>();
        if (tenant.isEmpty()) {
            LOG.warning(() -> "Unknown tenant " + notice.tenantRef() + ": new certificate not notified");
            return deliveries;
        }
        facts.putIfAbsent("tenant", tenant.get().details().legalName() + " (" + notice.tenantRef() + ")");
        facts.putIfAbsent("portalUrl", Links.certificates());
        Message message = MessageRenderer.email(notice.kind().name(), facts, null);
        Set<String> reached = new java.util.HashSet<>();
        for (Contact contact : new Contact[] {tenant.get().details().administrative(), tenant.get().details().technical()}) {
            if (contact != null && contact.email() != null && !contact.email().isBlank()
                    && reached.add(contact.email().strip().toLowerCase(java.util.Locale.ROOT))) {
                deliveries.add(new Delivery(notice.kind().name(), notice.tenantRef(), Channel.EMAIL, contact.email().strip(), null, message, now));
            }
        }
        return deliveries;
    }
}

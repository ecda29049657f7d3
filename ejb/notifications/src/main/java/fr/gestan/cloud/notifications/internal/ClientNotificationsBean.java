package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.notifications.api.ClientNotifications;
import fr.gestan.cloud.notifications.api.NewWebhook;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException.Reason;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import fr.gestan.cloud.notifications.api.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Stateless
@RolesAllowed(Roles.CLIENT)
public class ClientNotificationsBean extends NotificationsServiceBase implements ClientNotifications {

    static final String WEBHOOK_TEST = "WEBHOOK_TEST";

    @EJB
    CallerTenancy tenancy;

    @Override
    public boolean myStatusNotices() {
        ClientPreference preference = em.find(ClientPreference.class, siren());
        return preference == null || preference.statusNotices();
    }

    @Override
    public boolean setMyStatusNotices(boolean receive) {
        String siren = siren();
        ClientPreference preference = em.find(ClientPreference.class, siren);
        String by = actor();
        if (preference == null) {
            em.persist(new ClientPreference(siren, receive, by, Instant.now()));
        } else {
            preference.choose(receive, by, Instant.now());
        }
        journal.record(JournalEvent.success(receive ? "STATUS_NOTICES_ON" : "STATUS_NOTICES_OFF", siren, "status notices of its servers"));
        return receive;
    }

    @Override
    public boolean myStaffAccessDigest() {
        return ClientPreference.digests(em, siren());
    }

    @Override
    public boolean setMyStaffAccessDigest(boolean digest) {
        String siren = siren();
        ClientPreference preference = em.find(ClientPreference.class, siren);
        String by = actor();
        if (preference == null) {
            preference = new ClientPreference(siren, true, by, Instant.now());
            preference.chooseDigest(digest, by, Instant.now());
            em.persist(preference);
        } else {
            preference.chooseDigest(digest, by, Instant.now());
        }
        journal.record(JournalEvent.success(digest ? "STAFF_ACCESS_DIGEST_ON" : "STAFF_ACCESS_DIGEST_OFF", siren, "staff-access notices"));
        return digest;
    }

    @Override
    public List<WebhookView> myWebhooks() {
        return em.createNamedQuery(Subscription.OF_TENANT, Subscription.class).setParameter("siren", siren()).getResultList().stream()
                .map(s -> new WebhookView(s.id(), s.address(), s.state() == Subscription.State.ACTIVE, s.createdAt())).toList();
    }

    @Override
    public NewWebhook addMyWebhook(String url) {
        String siren = siren();
        if (WebhookAddresses.current().parse(url) == null) {
            throw new SubscriptionRefusedException(Reason.WEBHOOK_URL, "webhookUrl", url);
        }
        Instant now = Instant.now();
        String secret = WebhookSignature.newSecret();
        String address = url.strip();
        Subscription hook = em.createNamedQuery(Subscription.OF_TENANT, Subscription.class).setParameter("siren", siren)
                .getResultList().stream().filter(s -> s.address().equals(address)).findFirst().orElse(null);
        if (hook == null) {
            hook = Subscription.tenantWebhook(siren, address, secret, now);
            em.persist(hook);
        } else {
            hook.renewWebhook(secret, now); // registered again: active, with a new secret
        }
        em.flush();
        journal.record(JournalEvent.success("CLIENT_WEBHOOK_ADDED", siren, address));
        return new NewWebhook(hook.id(), hook.address(), secret);
    }

    @Override
    public void testMyWebhook(long id) {
        Subscription hook = mine(id);
        if (hook.state() != Subscription.State.ACTIVE) {
            throw new SubscriptionRefusedException(Reason.NOT_FOUND, "webhook", Long.toString(id));
        }
        Instant now = Instant.now();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("tenant", hook.tenantSiren());
        facts.put("actor", actor());
        em.persist(new Delivery(WEBHOOK_TEST, hook.tenantSiren(), Channel.WEBHOOK, hook.address(), hook,
                MessageRenderer.webhook(WEBHOOK_TEST, facts, now), now));
    }

    @Override
    public void disableMyWebhook(long id) {
        Subscription hook = mine(id);
        hook.end(Instant.now());
        journal.record(JournalEvent.success("CLIENT_WEBHOOK_DISABLED", hook.tenantSiren(), hook.address()));
    }

    /** One of the caller's company's webhooks; another company's is "not found" (it tells nothing of it). */
    private Subscription mine(long id) {
        Subscription hook = em.find(Subscription.class, id);
        if (hook == null || hook.scope() != SubscriptionScope.TENANT || !siren().equals(hook.tenantSiren())) {
            throw new SubscriptionRefusedException(Reason.NOT_FOUND, "webhook", Long.toString(id));
        }
        return hook;
    }

    private String siren() {
        return tenancy.tenantOfCaller().orElseThrow(() -> new EJBAccessException("a client contact of a company only"));
    }
}

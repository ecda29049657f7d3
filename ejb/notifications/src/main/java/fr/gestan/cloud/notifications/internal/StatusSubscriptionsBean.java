package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.notifications.api.NewWebhook;
import fr.gestan.cloud.notifications.api.StatusSubscriptions;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException.Reason;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Stateless
@PermitAll // the status page is public; webhooks are narrowed below
public class StatusSubscriptionsBean extends NotificationsServiceBase implements StatusSubscriptions {

    static final String CONFIRM_HOURS_PROPERTY = "gestan.notifications.confirm-hours";
    static final String CONFIRMATION = "SUBSCRIPTION_CONFIRMATION";

    @EJB
    ServerStatus status;

    @Override
    public void subscribeByEmail(String email, SubscriptionScope scope, String scopeRef) {
        String ref = checkedScope(scope, scopeRef);
        Instant now = clock.instant();
        Duration valid = Duration.ofHours(Long.getLong(CONFIRM_HOURS_PROPERTY, 48));
        String token = Tokens.random();
        Subscription subscription = find(Channel.EMAIL, email, scope, ref).orElse(null);
        if (subscription == null) {
            subscription = Subscription.pendingEmail(email, scope, ref, token, valid, now);
            em.persist(subscription);
        } else if (subscription.needsConfirmation(now)) {
            subscription.newConfirmation(token, valid, now);
        } else {
            return; // a valid link is out, or it is active: nothing more is sent
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scope", scope.name());
        facts.put("scopeRef", ref);
        facts.put("expires", Shown.DATE_TIME_SECONDS_ZONE.format(now.plus(valid)));
        facts.put("confirmUrl", Links.confirm(token));
        em.persist(new Delivery(CONFIRMATION, null, Channel.EMAIL, subscription.address(), subscription,
                MessageRenderer.email(CONFIRMATION, facts, null), now));
    }

    @Override
    public String subscribeWebhookPublicly(String url, SubscriptionScope scope, String scopeRef) {
        if (WebhookAddresses.current().parse(url) == null) {
            throw new SubscriptionRefusedException(Reason.WEBHOOK_URL, "webhookUrl", url);
        }
        String ref = checkedScope(scope, scopeRef);
        Instant now = clock.instant();
        Duration valid = Duration.ofHours(Long.getLong(CONFIRM_HOURS_PROPERTY, 48));
        String token = Tokens.random();
        String secret = WebhookSignature.newSecret();
        Subscription subscription = find(Channel.WEBHOOK, url.strip(), scope, ref).orElse(null);
        if (subscription == null) {
            subscription = Subscription.pendingWebhook(url, scope, ref, secret, token, valid, now);
            em.persist(subscription);
        } else if (subscription.needsConfirmation(now)) {
            subscription.newConfirmation(token, valid, now);
            subscription.newWebhookSecret(secret);
        } else {
            return null; // a valid link is out, or it is active: nothing more is sent
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scope", scope.name());
        facts.put("scopeRef", ref);
        facts.put("expires", now.plus(valid).toString());
        facts.put("confirmUrl", Links.confirmBase());
        facts.put("token", token);
        em.persist(new Delivery(CONFIRMATION, null, Channel.WEBHOOK, subscription.address(), subscription,
                MessageRenderer.webhook(CONFIRMATION, facts, now), now));
        return secret;
    }

    @Override
    public String confirm(String token) {
        Subscription subscription = em.createNamedQuery(Subscription.BY_CONFIRM, Subscription.class)
                .setParameter("hash", Tokens.sha256Hex(token.strip())).getResultList().stream().findFirst()
                .orElseThrow(() -> new SubscriptionRefusedException(Reason.UNKNOWN_LINK, "token", null));
        if (!subscription.confirm(clock.instant())) {
            throw new SubscriptionRefusedException(Reason.EXPIRED_LINK, "token", null);
        }
        return subscription.unsubscribeToken();
    }

    @Override
    public void unsubscribe(String token) {
        em.createNamedQuery(Subscription.BY_UNSUBSCRIBE, Subscription.class).setParameter("token", token.strip())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new SubscriptionRefusedException(Reason.UNKNOWN_LINK, "token", null))
                .end(clock.instant());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public NewWebhook subscribeWebhook(String url, SubscriptionScope scope, String scopeRef) {
        if (WebhookAddresses.current().parse(url) == null) {
            throw new SubscriptionRefusedException(Reason.WEBHOOK_URL, "webhookUrl", url);
        }
        String ref = checkedScope(scope, scopeRef);
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        Subscription subscription = find(Channel.WEBHOOK, url.strip(), scope, ref).orElse(null);
        if (subscription == null) {
            subscription = Subscription.webhook(url.strip(), scope, ref, secret, now);
            em.persist(subscription);
        } else {
            subscription.renewWebhook(secret, now); // subscribing again: active, with a new secret
        }
        em.flush();
        journal.record(JournalEvent.success("WEBHOOK_SUBSCRIBED", null, url.strip()));
        return new NewWebhook(subscription.id(), subscription.address(), secret);
    }

    private Optional<Subscription> find(Channel channel, String address, SubscriptionScope scope, String ref) {
        return em.createNamedQuery(Subscription.FIND, Subscription.class).setParameter("channel", channel)
                .setParameter("key", Subscription.keyOf(channel, address)).setParameter("scope", scope)
                .setParameter("ref", scope == SubscriptionScope.ALL ? Subscription.ALL_REF : ref)
                .getResultList().stream().findFirst();
    }

    /** The scope's reference if it names a public server or data centre ('*' for all). */
    private String checkedScope(SubscriptionScope scope, String scopeRef) {
        if (scope == SubscriptionScope.ALL) {
            return Subscription.ALL_REF;
        }
        if (scope == SubscriptionScope.TENANT) { // a client's own webhook, registered in its portal only
            throw new SubscriptionRefusedException(Reason.UNKNOWN_SCOPE, "scope", scope.name());
        }
        String ref = scopeRef == null ? "" : scopeRef.strip();
        List<ComponentStatusView> components = status.publicStatus().components();
        boolean known = scope == SubscriptionScope.SERVER
                ? components.stream().anyMatch(c -> String.valueOf(c.serverId()).equals(ref))
                : components.stream().anyMatch(c -> c.dataCentreCode().equals(ref));
        if (!known) {
            throw new SubscriptionRefusedException(Reason.UNKNOWN_SCOPE, "scopeRef", ref);
        }
        return ref;
    }
}

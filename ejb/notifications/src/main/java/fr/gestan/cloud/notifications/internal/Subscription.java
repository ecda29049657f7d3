package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A status subscription: pending until its confirmation link is followed (e-mail), active, then ended (unsubscribed,
 * or a webhook that answered 410). The confirmation token is stored hashed; the unsubscribe token is the one-click
 * link's.
 */
@Entity
@Table(name = "notification_subscription")
@NamedQuery(name = Subscription.FIND, query = "select s from Subscription s where s.channel = :channel"
        + " and s.addressKey = :key and s.scope = :scope and s.scopeRef = :ref")
@NamedQuery(name = Subscription.BY_CONFIRM, query = "select s from Subscription s where s.confirmTokenHash = :hash")
@NamedQuery(name = Subscription.BY_UNSUBSCRIBE, query = "select s from Subscription s where s.unsubscribeToken = :token")
@NamedQuery(name = Subscription.ACTIVE_FOR, query = "select s from Subscription s where s.state = :active and (s.scope = :all"
        + " or (s.scope = :dataCentre and s.scopeRef in :dataCentres) or (s.scope = :server and s.scopeRef in :servers)) order by s.id")
@NamedQuery(name = Subscription.OF_TENANT, query = "select s from Subscription s where s.tenantSiren = :siren"
        + " and s.scope = fr.gestan.cloud.notifications.api.SubscriptionScope.TENANT order by s.id desc")
public class Subscription extends GeneratedId {

    static final String FIND = "Subscription.find", BY_CONFIRM = "Subscription.byConfirm",
            BY_UNSUBSCRIBE = "Subscription.byUnsubscribe", ACTIVE_FOR = "Subscription.activeFor";
    static final String ALL_REF = "*";
    static final String OF_TENANT = "Subscription.ofTenant";

    enum State { PENDING, ACTIVE, ENDED }

    /** The active subscriptions covering one of these data centres or servers, or all. */
    static java.util.List<Subscription> activeFor(jakarta.persistence.EntityManager em, java.util.Collection<String> dataCentres,
                                                  java.util.Collection<String> servers) {
        return em.createNamedQuery(ACTIVE_FOR, Subscription.class).setParameter("active", State.ACTIVE)
                .setParameter("all", SubscriptionScope.ALL).setParameter("dataCentre", SubscriptionScope.DATA_CENTRE)
                .setParameter("server", SubscriptionScope.SERVER)
                .setParameter("dataCentres", dataCentres.isEmpty() ? java.util.List.of("-none-") : dataCentres)
                .setParameter("servers", servers.isEmpty() ? java.util.List.of("-none-") : servers).getResultList();
    }

    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String address;
    private String addressKey;
    @Enumerated(EnumType.STRING)
    private SubscriptionScope scope;
    private String scopeRef;
    @Enumerated(EnumType.STRING)
    private State state;
    private String confirmTokenHash;
    private Instant confirmExpiresAt;
    private String unsubscribeToken;
    private String webhookSecret;
    private String tenantSiren;
    private Instant createdAt;
    private Instant confirmedAt;
    private Instant endedAt;
    @Version
    private long version;

    protected Subscription() {
    }

    /** An e-mail subscription waiting for its confirmation ({@code confirmToken} is the link's secret, stored hashed). */
    static Subscription pendingEmail(String email, SubscriptionScope scope, String scopeRef, String confirmToken, Duration valid,
                                     Instant now) {
        Subscription s = new Subscription(Channel.EMAIL, email.strip(), scope, scopeRef, now);
        s.state = State.PENDING;
        s.newConfirmation(confirmToken, valid, now);
        return s;
    }

    /** A webhook subscription, active at once, signing with {@code secret}. */
    static Subscription webhook(String url, SubscriptionScope scope, String scopeRef, String secret, Instant now) {
        Subscription s = new Subscription(Channel.WEBHOOK, url, scope, scopeRef, now);
        s.state = State.ACTIVE;
        s.confirmedAt = now;
        s.webhookSecret = secret;
        return s;
    }

    /** A client company's webhook for its own events, active at once (registered in its portal), signing with {@code secret}. */
    static Subscription tenantWebhook(String siren, String url, String secret, Instant now) {
        Subscription s = webhook(url, SubscriptionScope.TENANT, siren, secret, now);
        s.tenantSiren = siren;
        return s;
    }

    /** A public webhook subscription waiting for its confirmation (the link's secret is sent to the URL, signed). */
    static Subscription pendingWebhook(String url, SubscriptionScope scope, String scopeRef, String secret, String confirmToken,
                                       Duration valid, Instant now) {
        Subscription s = new Subscription(Channel.WEBHOOK, url.strip(), scope, scopeRef, now);
        s.state = State.PENDING;
        s.webhookSecret = secret;
        s.newConfirmation(confirmToken, valid, now);
        return s;
    }

    /** The active webhooks of a client company. */
    static java.util.List<Subscription> activeOfTenant(jakarta.persistence.EntityManager em, String siren) {
        return em.createNamedQuery(OF_TENANT, Subscription.class).setParameter("siren", siren).getResultList().stream()
                .filter(s -> s.state == State.ACTIVE).toList();
    }

    private Subscription(Channel channel, String address, SubscriptionScope scope, String scopeRef, Instant now) {
        this.channel = channel;
        this.address = address;
        this.addressKey = keyOf(channel, address);
        this.scope = scope;
        this.scopeRef = scope == SubscriptionScope.ALL ? ALL_REF : scopeRef;
        this.unsubscribeToken = Tokens.random();
        this.createdAt = now;
    }

    /** The uniqueness key of an address: e-mail addresses compare without case. SHA-256 hex (URLs may be long). */
    static String keyOf(Channel channel, String address) {
        String normal = channel == Channel.EMAIL ? address.strip().toLowerCase(Locale.ROOT) : address.strip();
        return Tokens.sha256Hex(normal);
    }

    /**
     * Whether asking again should send a new confirmation: only for a pending subscription whose link expired, or an
     * ended one (subscribing again). A valid pending link or an active subscription sends nothing.
     */
    boolean needsConfirmation(Instant now) {
        return state == State.ENDED || (state == State.PENDING && !confirmExpiresAt.isAfter(now));
    }

    void newConfirmation(String confirmToken, Duration valid, Instant now) {
        if (state == State.ACTIVE) {
            throw new IllegalStateException("subscription already active");
        }
        state = State.PENDING;
        endedAt = null;
        confirmTokenHash = Tokens.sha256Hex(confirmToken);
        confirmExpiresAt = now.plus(valid);
    }

    /** Follows the confirmation link; false when it expired. */
    boolean confirm(Instant now) {
        if (state == State.ACTIVE) {
            return true;
        }
        if (state != State.PENDING || !confirmExpiresAt.isAfter(now)) {
            return false;
        }
        state = State.ACTIVE;
        confirmedAt = now;
        confirmTokenHash = null;
        confirmExpiresAt = null;
        return true;
    }

    /** A webhook subscribed again: active, signing with a new secret (the old one stops working). */
    void renewWebhook(String secret, Instant now) {
        if (channel != Channel.WEBHOOK) {
            throw new IllegalStateException("not a webhook");
        }
        state = State.ACTIVE;
        webhookSecret = secret;
        confirmedAt = now;
        endedAt = null;
    }

    /** A public webhook asked for again with a new confirmation: it signs with a new secret. */
    void newWebhookSecret(String secret) {
        if (channel != Channel.WEBHOOK) {
            throw new IllegalStateException("not a webhook");
        }
        webhookSecret = secret;
    }

    String tenantSiren() {
        return tenantSiren;
    }

    Instant createdAt() {
        return createdAt;
    }

    void end(Instant now) {
        if (state != State.ENDED) {
            state = State.ENDED;
            endedAt = now;
            confirmTokenHash = null;
            confirmExpiresAt = null;
        }
    }

    Channel channel() {
        return channel;
    }

    String address() {
        return address;
    }

    State state() {
        return state;
    }

    String unsubscribeToken() {
        return unsubscribeToken;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    SubscriptionScope scope() {
        return scope;
    }

    String scopeRef() {
        return scopeRef;
    }
}

package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.notifications.api.DeliveryState;
import fr.gestan.cloud.notifications.api.DeliveryView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient in the outbox, rendered when the event it announces committed. Pending until a try
 * succeeds (sent: never sent again) or the retries run out (failed, until staff retry it); a webhook that answered
 * 410 cancels it and ends its subscription.
 */
@Entity
@Table(name = "notification_delivery")
// In the order of the index (state, next_attempt_at): PostgreSQL stops at the round's page. Ordered by id too, it read,
// joined and sorted every due delivery at each round to keep 50 (the whole backlog behind a certificate batch: thousands
// of rows a round, docs/performance.md 4.46); the round orders its page itself (OutboxStore.loadDue).
@NamedQuery(name = Delivery.DUE, query = "select d from Delivery d left join fetch d.subscription where d.state = fr.gestan.cloud.notifications.api.DeliveryState.PENDING"
        + " and d.nextAttemptAt <= :now order by d.nextAttemptAt")
@NamedQuery(name = Delivery.IN_STATE, query = "select d from Delivery d where d.state = :state order by d.createdAt desc, d.id desc")
@NamedQuery(name = Delivery.HELD_BEFORE, query = "select d from Delivery d where d.state = fr.gestan.cloud.notifications.api.DeliveryState.HELD"
        + " and d.createdAt < :before order by d.tenantRef, d.target, d.createdAt, d.id")
@NamedQuery(name = Delivery.BY_IDS, query = "select d from Delivery d where d.id in :ids")
@NamedQuery(name = Delivery.LATEST, query = "select d from Delivery d order by d.createdAt desc, d.id desc")
public class Delivery extends GeneratedId {

    static final String DUE = "Delivery.due", IN_STATE = "Delivery.inState", LATEST = "Delivery.latest",
            HELD_BEFORE = "Delivery.heldBefore", BY_IDS = "Delivery.byIds";

    private String messageId;
    private String kind;
    private String tenantRef;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String target;
    @ManyToOne(fetch = FetchType.LAZY)
    private Subscription subscription;
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private String unsubscribeUrl;
    @Enumerated(EnumType.STRING)
    private DeliveryState state;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private long version;

    protected Delivery() {
    }

    /**
     * A message ready to go at once. For a webhook, {@code bodyText} is the JSON payload and {@code subject} the
     * event type.
     */
    Delivery(String kind, String tenantRef, Channel channel, String target, Subscription subscription, Message message, Instant now) {
        this.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        this.kind = kind;
        this.tenantRef = tenantRef;
        this.channel = channel;
        this.target = target;
        this.subscription = subscription;
        this.subject = cut(message.subject(), 300);
        this.bodyText = cut(message.text(), 20000);
        this.bodyHtml = message.html() == null ? null : cut(message.html(), 40000);
        this.unsubscribeUrl = message.unsubscribeUrl();
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The server confirmed it: never sent again. */
    DeliveryAttempt sent(Instant now, String detail) {
        requirePending();
        attempts++;
        state = DeliveryState.SENT;
        sentAt = now;
        lastError = null;
        return new DeliveryAttempt(this, now, "SENT", detail);
    }

    /** A try failed: another one after the policy's delay, or give up (failed, shown to staff). */
    DeliveryAttempt failed(Instant now, String error, RetryPolicy policy) {
        requirePending();
        attempts++;
        lastError = cut(error, 500);
        if (policy.retries(attempts)) {
            nextAttemptAt = now.plus(policy.delayAfter(attempts));
            return new DeliveryAttempt(this, now, "RETRY", error);
        }
        state = DeliveryState.FAILED;
        return new DeliveryAttempt(this, now, "FAILED", error);
    }

    /** The recipient is gone (a webhook answered 410): cancelled, and its subscription ended. */
    DeliveryAttempt gone(Instant now, String detail) {
        requirePending();
        attempts++;
        state = DeliveryState.CANCELLED;
        if (subscription != null) {
            subscription.end(now);
        }
        return new DeliveryAttempt(this, now, "GONE", detail);
    }

    /** Held for the client's daily digest: the sender does not take it. */
    void hold() {
        requirePending();
        state = DeliveryState.HELD;
    }

    /** Written into a daily digest (which is a delivery of its own). */
    void digested(Instant now) {
        if (state != DeliveryState.HELD) {
            throw new IllegalStateException("delivery " + id() + " is " + state);
        }
        state = DeliveryState.DIGESTED;
        sentAt = now;
    }

    String tenantRef() {
        return tenantRef;
    }

    /** Staff put a failed delivery back for an immediate try, with a fresh allowance of retries. */
    void retry(Instant now) {
        if (state != DeliveryState.FAILED) {
            throw new IllegalStateException("only a failed delivery can be retried, this one is " + state);
        }
        state = DeliveryState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    /** Another node or round already handled it. */
    boolean isPending() {
        return state == DeliveryState.PENDING;
    }

    private void requirePending() {
        if (state != DeliveryState.PENDING) {
            throw new IllegalStateException("delivery " + id() + " is " + state);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    DeliveryView toView() {
        return new DeliveryView(id(), kind, channel, target, subject, state, attempts, nextAttemptAt, lastError, createdAt, sentAt);
    }

    String messageId() {
        return messageId;
    }

    Channel channel() {
        return channel;
    }

    String target() {
        return target;
    }

    Subscription subscription() {
        return subscription;
    }

    Message message() {
        return new Message(subject, bodyText, bodyHtml, unsubscribeUrl);
    }

    Instant createdAt() {
        return createdAt;
    }

    /** When it is due (again). */
    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    DeliveryState state() {
        return state;
    }

    /**
     * The insert of a new delivery's row, as {@code em.persist} writes it (the id left to the identity column), for
     * the outbox's bulk entry: one JDBC batch instead of one round trip per delivery for its identity id.
     */
    static final String INSERT = "insert into notification_delivery (message_id, kind, tenant_ref, channel, target, subscription_id,"
            + " subject, body_text, body_html, unsubscribe_url, state, attempts, next_attempt_at, last_error, created_at, sent_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Binds this new delivery's values to {@link #INSERT} (times as UTC wall-clock, as {@code hibernate.jdbc.time_zone} does). */
    void bindNew(java.sql.PreparedStatement insert) throws java.sql.SQLException {
        insert.setString(1, messageId);
        insert.setString(2, kind);
        insert.setString(3, tenantRef);
        insert.setString(4, channel.name());
        insert.setString(5, target);
        if (subscription == null) {
            insert.setNull(6, java.sql.Types.BIGINT);
        } else {
            insert.setLong(6, subscription.id());
        }
        insert.setString(7, subject);
        insert.setString(8, bodyText);
        insert.setString(9, bodyHtml);
        insert.setString(10, unsubscribeUrl);
        insert.setString(11, state.name());
        insert.setInt(12, attempts);
        insert.setObject(13, utc(nextAttemptAt));
        insert.setString(14, lastError);
        insert.setObject(15, utc(createdAt));
        insert.setObject(16, utc(sentAt));
        insert.setLong(17, version);
    }

    private static java.time.LocalDateTime utc(Instant instant) {
        return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}

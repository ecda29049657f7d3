package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sender's short transactions on the outbox ({@code REQUIRES_NEW}): which deliveries are due, one delivery's
 * message, and the outcome of a try with its attempt row. Nothing is held while a message travels.
 */
@Stateless
@LocalBean
@PermitAll // the sender runs without a caller identity
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** What the sender needs to send one delivery. */
    public record Outgoing(long id, String messageId, Channel channel, String target, Message message, String webhookSecret,
                    Instant createdAt) {
    }

    /** How a try ended. */
    public enum Result { SENT, FAILED, GONE }

    /** How long a notice waits for its journal entry's position before it goes with the entry's id instead. */
    static final Duration POSITION_WAIT = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "notifications")
    EntityManager em;
    @EJB
    JournalQuery journal;

    public List<Long> due(Instant now, int max) {
        return em.createNamedQuery(Delivery.DUE, Long.class).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** The delivery if it is still waiting, else null (handled meanwhile). */
    public Outgoing load(long id) {
        Delivery d = em.find(Delivery.class, id);
        if (d == null || !d.isPending()) {
            return null;
        }
        Message message = d.message();
        if (JournalPositions.marked(message)) {
            boolean waitedEnough = d.createdAt().plus(POSITION_WAIT).isBefore(Instant.now());
            message = JournalPositions.named(message, journal::positionOf, waitedEnough);
            if (message == null) {
                return null; // the entry is not sequenced yet: a later round sends it
            }
        }
        Subscription s = d.subscription();
        return new Outgoing(d.id(), d.messageId(), d.channel(), d.target(), message, s == null ? null : s.webhookSecret(),
                d.createdAt());
    }

    /** Records a try's outcome; false when the delivery was no longer waiting (nothing recorded). */
    public boolean record(long id, Result result, String detail, Instant now, RetryPolicy policy) {
        Delivery d = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.isPending()) {
            return false;
        }
        em.persist(switch (result) {
            case SENT -> d.sent(now, detail);
            case GONE -> d.gone(now, detail);
            case FAILED -> d.failed(now, detail, policy);
        });
        return true;
    }
}

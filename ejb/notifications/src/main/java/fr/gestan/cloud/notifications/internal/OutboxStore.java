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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sender's short transactions on the outbox ({@code REQUIRES_NEW}): a round's due deliveries with their messages
 * (one transaction), then the outcomes of the round's tries with their attempt rows (one transaction). Nothing is held
 * while a message travels.
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

    /** A try of one delivery: when, how it ended, the server's answer or the error. */
    public record Tried(long id, Result result, String detail, Instant at) {
    }

    /** How long a notice waits for its journal entry's position before it goes with the entry's id instead. */
    static final Duration POSITION_WAIT = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "notifications")
    EntityManager em;
    @EJB
    JournalQuery journal;

    /**
     * The round's due deliveries still waiting, in one transaction (one query, at most {@code max}), each ready to
     * send; a notice whose journal entry is not sequenced yet is left for a later round.
     */
    public List<Outgoing> loadDue(Instant now, int max) {
        List<Delivery> due = em.createNamedQuery(Delivery.DUE, Delivery.class).setParameter("now", now).setMaxResults(max).getResultList();
        List<Outgoing> ready = new ArrayList<>(due.size());
        for (Delivery d : due) {
            Outgoing outgoing = outgoing(d, now);
            if (outgoing != null) {
                ready.add(outgoing);
            }
        }
        return ready;
    }

    private Outgoing outgoing(Delivery d, Instant now) {
        if (!d.isPending()) {
            return null;
        }
        Message message = d.message();
        if (JournalPositions.marked(message)) {
            boolean waitedEnough = d.createdAt().plus(POSITION_WAIT).isBefore(now);
            message = JournalPositions.named(message, journal::positionOf, waitedEnough);
            if (message == null) {
                return null; // the entry is not sequenced yet: a later round sends it
            }
        }
        Subscription s = d.subscription();
        return new Outgoing(d.id(), d.messageId(), d.channel(), d.target(), message, s == null ? null : s.webhookSecret(),
                d.createdAt());
    }

    /**
     * Records the outcomes of a round's tries together, in one transaction: the deliveries locked in one query, an
     * attempt row each; one no longer waiting is skipped. Returns how many were recorded.
     */
    public int recordAll(List<Tried> tries, RetryPolicy policy) {
        if (tries.isEmpty()) {
            return 0;
        }
        Map<Long, Delivery> locked = new HashMap<>();
        for (Delivery d : em.createNamedQuery(Delivery.BY_IDS, Delivery.class)
                .setParameter("ids", tries.stream().map(Tried::id).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            locked.put(d.id(), d);
        }
        int recorded = 0;
        for (Tried t : tries) {
            if (write(locked.get(t.id()), t, policy)) {
                recorded++;
            }
        }
        return recorded;
    }

    /** Records one try's outcome alone (when recording a round's together failed); false when no longer waiting. */
    public boolean record(Tried tried, RetryPolicy policy) {
        return write(em.find(Delivery.class, tried.id(), LockModeType.PESSIMISTIC_WRITE), tried, policy);
    }

    private boolean write(Delivery d, Tried t, RetryPolicy policy) {
        if (d == null || !d.isPending()) {
            return false;
        }
        em.persist(switch (t.result()) {
            case SENT -> d.sent(t.at(), t.detail());
            case GONE -> d.gone(t.at(), t.detail());
            case FAILED -> d.failed(t.at(), t.detail(), policy);
        });
        return true;
    }
}

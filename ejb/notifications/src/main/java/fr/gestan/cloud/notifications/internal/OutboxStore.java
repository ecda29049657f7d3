package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.notifications.api.Channel;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

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
    /** The datasource's connection in a transaction is the persistence unit's: the attempt rows commit with the deliveries' updates. */
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    /**
     * The round's due deliveries still waiting, in one transaction (one query, at most {@code max}), each ready to
     * send; a notice whose journal entry is not sequenced yet is left for a later round.
     */
    public List<Outgoing> loadDue(Instant now, int max) {
        // read-only: made into what the sender needs, nothing kept for a dirty check at the commit
        List<Delivery> due = em.createNamedQuery(Delivery.DUE, Delivery.class).setParameter("now", now).setMaxResults(max)
                .setHint("org.hibernate.readOnly", true).getResultList();
        List<Outgoing> ready = new ArrayList<>(due.size());
        // the page in the order the round sends it: oldest due first, then by id (the query orders by due time only)
        for (Delivery d : due.stream().sorted(Comparator.comparing(Delivery::nextAttemptAt).thenComparing(Delivery::id)).toList()) {
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
        List<DeliveryAttempt> attempts = new ArrayList<>(tries.size());
        for (Tried t : tries) {
            DeliveryAttempt attempt = write(locked.get(t.id()), t, policy);
            if (attempt != null) {
                attempts.add(attempt);
            }
        }
        if (attempts.isEmpty()) {
            return 0;
        }
        // the attempt rows in one JDBC batch; the deliveries' updates go in one at the commit (hibernate.jdbc.batch_size)
        try (Connection c = dataSource.getConnection()) {
            JdbcBatches.insertAll(c, DeliveryAttempt.INSERT, attempts, (insert, a) -> a.bindNew(insert));
        } catch (SQLException e) {
            throw new EJBException("the outcomes of " + attempts.size() + " deliveries could not be recorded", e);
        }
        return attempts.size();
    }

    /** Records one try's outcome alone (when recording a round's together failed); false when no longer waiting. */
    public boolean record(Tried tried, RetryPolicy policy) {
        DeliveryAttempt attempt = write(em.find(Delivery.class, tried.id(), LockModeType.PESSIMISTIC_WRITE), tried, policy);
        if (attempt != null) {
            em.persist(attempt);
        }
        return attempt != null;
    }

    /** The delivery moved on by the try's outcome, and the attempt row to store; null when it is no longer waiting. */
    private static DeliveryAttempt write(Delivery d, Tried t, RetryPolicy policy) {
        if (d == null || !d.isPending()) {
            return null;
        }
        return switch (t.result()) {
            case SENT -> d.sent(t.at(), t.detail());
            case GONE -> d.gone(t.at(), t.detail());
            case FAILED -> d.failed(t.at(), t.detail(), policy);
        };
    }
}

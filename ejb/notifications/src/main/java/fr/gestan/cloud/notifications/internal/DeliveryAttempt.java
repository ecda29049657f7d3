package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.notifications.api.AttemptView;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try to deliver and what came of it; never changed. */
@Entity
@Table(name = "notification_attempt")
@NamedQuery(name = DeliveryAttempt.OF_DELIVERY, query = "select a from DeliveryAttempt a where a.delivery.id = :id order by a.attemptedAt, a.id")
public class DeliveryAttempt extends GeneratedId {

    static final String OF_DELIVERY = "DeliveryAttempt.ofDelivery";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Delivery delivery;
    private Instant attemptedAt;
    private String outcome;
    private String detail;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(Delivery delivery, Instant at, String outcome, String detail) {
        this.delivery = delivery;
        this.attemptedAt = at;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    AttemptView toView() {
        return new AttemptView(attemptedAt, outcome, detail);
    }

    /**
     * The insert of a new attempt's row, as {@code em.persist} writes it (the id left to the identity column), for a
     * round's outcomes recorded together: one JDBC batch instead of one round trip per attempt for its identity id.
     */
    static final String INSERT = "insert into notification_attempt (delivery_id, attempted_at, outcome, detail) values (?, ?, ?, ?)";

    /** Binds this new attempt's values to {@link #INSERT} (the time as UTC wall-clock, as {@code hibernate.jdbc.time_zone} does). */
    void bindNew(java.sql.PreparedStatement insert) throws java.sql.SQLException {
        insert.setLong(1, delivery.id());
        insert.setObject(2, java.time.LocalDateTime.ofInstant(attemptedAt, java.time.ZoneOffset.UTC));
        insert.setString(3, outcome);
        insert.setString(4, detail);
    }
}

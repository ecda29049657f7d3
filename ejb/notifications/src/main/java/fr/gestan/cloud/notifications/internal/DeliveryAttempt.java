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
}

package fr.gestan.cloud.notifications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A staff reminder already sent, by its key: the same reminder is never sent twice. */
@Entity
@Table(name = "notification_reminder")
public class ReminderSent {

    @Id
    @Column(name = "reminder_key")
    private String key;
    @Column(updatable = false)
    private Instant sentAt;

    protected ReminderSent() {
        // for JPA
    }

    ReminderSent(String key, Instant sentAt) {
        this.key = Objects.requireNonNull(key);
        this.sentAt = Objects.requireNonNull(sentAt);
    }
}

package fr.gestan.cloud.notifications.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** The outbox as staff see it: what went, what failed, each attempt; retry a failure; deliver now. */
public interface NotificationDesk {

    /** The deliveries that gave up (newest first). Staff. */
    List<DeliveryView> failures(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** The latest deliveries, whatever their state (newest first). Staff. */
    List<DeliveryView> recent(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** The attempts of one delivery, oldest first. Staff. */
    List<AttemptView> attempts(long deliveryId) throws SubscriptionRefusedException;

    /** Puts a failed delivery back in the outbox for an immediate try (journaled). Support and admins. */
    DeliveryView retry(long deliveryId) throws SubscriptionRefusedException;

    /**
     * Delivers what is due now on this node (when it holds the sender's lease), without waiting for the next round;
     * returns the number of deliveries tried, or -1 when another node holds the lease. Support and admins.
     */
    int deliverNow();

    /**
     * Writes the staff reminders and alerts due now and not sent yet (agreements and certifications expiring, servers
     * degraded or silent) to the outbox, without waiting for the next pass; returns how many. Support and admins.
     */
    int remindNow();
}

package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.notifications.api.AttemptView;
import fr.gestan.cloud.notifications.api.DeliveryState;
import fr.gestan.cloud.notifications.api.DeliveryView;
import fr.gestan.cloud.notifications.api.NotificationDesk;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class NotificationDeskBean extends NotificationsServiceBase implements NotificationDesk {

    @EJB
    OutboxSender sender;
    @EJB
    StaffReminderRun reminders;

    @Override
    public List<DeliveryView> failures(int max) {
        return em.createNamedQuery(Delivery.IN_STATE, Delivery.class).setParameter("state", DeliveryState.FAILED)
                .setMaxResults(max).getResultList().stream().map(Delivery::toView).toList();
    }

    @Override
    public List<DeliveryView> recent(int max) {
        return em.createNamedQuery(Delivery.LATEST, Delivery.class).setMaxResults(max).getResultList().stream()
                .map(Delivery::toView).toList();
    }

    @Override
    public List<AttemptView> attempts(long deliveryId) {
        find(deliveryId);
        return em.createNamedQuery(DeliveryAttempt.OF_DELIVERY, DeliveryAttempt.class).setParameter("id", deliveryId)
                .getResultList().stream().map(DeliveryAttempt::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public DeliveryView retry(long deliveryId) {
        Delivery delivery = find(deliveryId);
        if (delivery.state() != DeliveryState.FAILED) {
            throw new SubscriptionRefusedException(Reason.NOT_FOUND, "delivery", "delivery " + deliveryId + " is " + delivery.state());
        }
        delivery.retry(Instant.now());
        journal.record(JournalEvent.success("NOTIFICATION_RETRIED", null, "delivery " + deliveryId));
        return delivery.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the sender commits each outcome itself
    public int deliverNow() {
        return sender.deliverDue();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public int remindNow() {
        return reminders.run();
    }

    private Delivery find(long id) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery == null) {
            throw new SubscriptionRefusedException(Reason.NOT_FOUND, "delivery", "delivery " + id);
        }
        return delivery;
    }
}

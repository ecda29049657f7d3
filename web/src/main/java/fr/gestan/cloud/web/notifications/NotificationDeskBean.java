package fr.gestan.cloud.web.notifications;

import fr.gestan.cloud.notifications.api.DeliveryView;
import fr.gestan.cloud.notifications.api.NotificationDesk;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The back office's view of the notification outbox: failed deliveries with "retry", the latest ones, "send now". */
@Named
@ViewScoped
public class NotificationDeskBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NotificationDesk desk;
    @Inject
    @Bundle("nmsg")
    Messages messages;

    private List<DeliveryView> failures = List.of();
    private List<DeliveryView> recent = List.of();

    @PostConstruct
    void load() {
        failures = desk.failures(100);
        recent = desk.recent(50);
    }

    public void retry(long deliveryId) {
        try {
            desk.retry(deliveryId);
            messages.info("notifications.retried");
        } catch (SubscriptionRefusedException e) {
            messages.error("notifications.none");
        }
        load();
    }

    public void sendNow() {
        messages.info("notifications.sent", Math.max(0, desk.deliverNow()));
        load();
    }

    public List<DeliveryView> getFailures() {
        return failures;
    }

    public List<DeliveryView> getRecent() {
        return recent;
    }
}

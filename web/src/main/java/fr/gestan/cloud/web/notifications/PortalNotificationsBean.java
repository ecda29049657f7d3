package fr.gestan.cloud.web.notifications;

import fr.gestan.cloud.notifications.api.ClientNotifications;
import fr.gestan.cloud.notifications.api.NewWebhook;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.WebhookView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The client's notifications: the status notices of its own servers, on by default, turned off or on here; its
 * webhook endpoints (secret shown once, test delivery, disable).
 */
@Named
@ViewScoped
public class PortalNotificationsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String WEBHOOK_FORM = "webhooks";

    @EJB
    ClientNotifications notifications;
    @Inject
    @Bundle("nmsg")
    Messages messages;

    private boolean statusNotices;
    private boolean staffAccessDigest;
    private String webhookUrl;
    private NewWebhook created;
    private List<WebhookView> webhooks;

    @PostConstruct
    void load() {
        statusNotices = notifications.myStatusNotices();
        webhooks = notifications.myWebhooks();
        staffAccessDigest = notifications.myStaffAccessDigest();
    }

    public void saveDigest() {
        staffAccessDigest = notifications.setMyStaffAccessDigest(staffAccessDigest);
        messages.info(staffAccessDigest ? "portal.digest.on" : "portal.digest.off");
    }

    public boolean isStaffAccessDigest() {
        return staffAccessDigest;
    }

    public void setStaffAccessDigest(boolean staffAccessDigest) {
        this.staffAccessDigest = staffAccessDigest;
    }

    public void save() {
        statusNotices = notifications.setMyStatusNotices(statusNotices);
        messages.info(statusNotices ? "portal.notifications.on" : "portal.notifications.off");
    }

    public void addWebhook() {
        try {
            created = notifications.addMyWebhook(webhookUrl);
            webhookUrl = null;
            webhooks = notifications.myWebhooks();
            messages.info("portal.webhooks.added");
        } catch (SubscriptionRefusedException e) {
            messages.fieldError(WEBHOOK_FORM, "url", "portal.webhooks.refused");
        } catch (EJBException e) {
            messages.fieldMessages(WEBHOOK_FORM, e, Map.of("addMyWebhook.url", "url"));
        }
    }

    public void test(long id) {
        notifications.testMyWebhook(id);
        messages.info("portal.webhooks.tested");
    }

    public void disable(long id) {
        notifications.disableMyWebhook(id);
        webhooks = notifications.myWebhooks();
        created = null;
        messages.info("portal.webhooks.disabled");
    }

    public boolean isStatusNotices() {
        return statusNotices;
    }

    public void setStatusNotices(boolean statusNotices) {
        this.statusNotices = statusNotices;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /** The webhook just added, with its secret (shown this once), or null. */
    public NewWebhook getCreated() {
        return created;
    }

    public List<WebhookView> getWebhooks() {
        return webhooks;
    }
}

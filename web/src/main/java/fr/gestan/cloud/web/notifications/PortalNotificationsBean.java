package fr.gestan.cloud.web.notifications;

import fr.gestan.cloud.notifications.api.ClientNotifications;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The client's notifications: the status notices of its own servers, on by default, turned off or on here. */
@Named
@ViewScoped
public class PortalNotificationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClientNotifications notifications;
    @Inject
    @Bundle("nmsg")
    Messages messages;

    private boolean statusNotices;

    @PostConstruct
    void load() {
        statusNotices = notifications.myStatusNotices();
    }

    public void save() {
        statusNotices = notifications.setMyStatusNotices(statusNotices);
        messages.info(statusNotices ? "portal.notifications.on" : "portal.notifications.off");
    }

    public boolean isStatusNotices() {
        return statusNotices;
    }

    public void setStatusNotices(boolean statusNotices) {
        this.statusNotices = statusNotices;
    }
}

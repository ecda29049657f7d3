package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.security.api.ServerIdentities.AlertView;
import fr.gestan.cloud.security.api.ServerIdentities.IdentityView;
import fr.gestan.cloud.security.api.StaffException;
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
 * Staff members' server identities (administrators add and remove them) and the alerts on server sign-ins that no
 * cleared support staff member accounts for (support and administrators acknowledge them, saying why).
 */
@Named
@ViewScoped
public class ServerAccessBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ServerIdentities identities;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private List<IdentityView> all = List.of();
    private List<AlertView> alerts = List.of();
    private String username;
    private ServerIdentities.Kind kind = ServerIdentities.Kind.UNIX_LOGIN;
    private String value;
    private long alertId;
    private String note;

    @PostConstruct
    void load() {
        all = identities.all();
        alerts = identities.openAlerts(200);
    }

    public void add() {
        try {
            identities.add(username, kind, value);
            messages.info("identity.added");
            username = null;
            value = null;
            load();
        } catch (StaffException e) {
            messages.error("identity.error." + e.reason());
        } catch (EJBException e) {
            messages.fieldMessages("identities", e, Map.of());
        }
    }

    public void remove(long id) {
        identities.remove(id);
        load();
    }

    public void acknowledge() {
        try {
            identities.acknowledge(alertId, note);
            messages.info("alert.acknowledged");
            note = null;
            load();
        } catch (EJBException e) {
            messages.fieldMessages("alerts", e, Map.of());
        }
    }

    public ServerIdentities.Kind[] getKinds() {
        return ServerIdentities.Kind.values();
    }

    public List<IdentityView> getAll() { return all; }
    public List<AlertView> getAlerts() { return alerts; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public ServerIdentities.Kind getKind() { return kind; }
    public void setKind(ServerIdentities.Kind kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public long getAlertId() { return alertId; }
    public void setAlertId(long alertId) { this.alertId = alertId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}

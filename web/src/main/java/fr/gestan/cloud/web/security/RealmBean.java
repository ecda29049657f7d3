package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import fr.gestan.cloud.security.api.RealmSecurity.RealmBruteForceView;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Keycloak's brute-force protection: settings and drift from the policy, locked-out users and unlocking. */
@Named
@ViewScoped
public class RealmBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RealmSecurity realm;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private RealmBruteForceView bruteForce;
    private List<LockedUserView> locked = List.of();
    private boolean unavailable;

    @PostConstruct
    void load() {
        try {
            bruteForce = realm.bruteForce();
            locked = realm.lockedUsers(200);
            unavailable = false;
        } catch (RealmUnavailableException e) {
            unavailable = true;
            messages.error("realm.unavailable");
        }
    }

    public void apply() {
        try {
            bruteForce = realm.applyPolicy();
            messages.info(bruteForce.inLine() ? "realm.applied" : "realm.stillDrifting");
        } catch (RealmUnavailableException e) {
            messages.error("realm.unavailable");
        }
    }

    public void unlock(String username) {
        try {
            realm.unlock(username);
            messages.info("realm.unlocked", username);
            load();
        } catch (RealmUnavailableException e) {
            messages.error("realm.unavailable");
        }
    }

    public RealmBruteForceView getBruteForce() {
        return bruteForce;
    }

    public List<LockedUserView> getLocked() {
        return locked;
    }

    public boolean isUnavailable() {
        return unavailable;
    }
}

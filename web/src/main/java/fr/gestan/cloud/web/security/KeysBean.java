package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.tenants.api.SecretKeyRotation;
import fr.gestan.cloud.tenants.api.SecretRekeyRunView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The product's keys, one ring per purpose (every module's {@link RotatableKeys}): administrators rotate each, auditors
 * look; the re-encryption of the hosted-account secrets after a rotation shows its progress.
 */
@Named
@ViewScoped
public class KeysBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One ring as the page shows it. */
    public record Ring(String purpose, List<KeyView> keys) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    @Any
    transient Instance<RotatableKeys> rings;
    @EJB
    SecretKeyRotation secretRotation;
    @EJB
    JournalIntegrity journalIntegrity;
    @Inject
    CurrentUser user;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private List<Ring> all = List.of();
    private SecretRekeyRunView rekey;
    private String journalKeySet;

    @PostConstruct
    void load() {
        if (!isReader()) {
            return; // support: the page says it is for administrators and auditors
        }
        List<Ring> found = new ArrayList<>();
        for (RotatableKeys ring : rings) {
            found.add(new Ring(ring.purpose(), ring.keys()));
        }
        found.sort(Comparator.comparing(Ring::purpose));
        all = found;
        journalKeySet = journalIntegrity.keySet();
        refreshRekey();
    }

    public void refreshRekey() {
        rekey = secretRotation.lastRun().orElse(null);
    }

    public void rotate(String purpose) {
        for (RotatableKeys ring : rings) {
            if (ring.purpose().equals(purpose)) {
                try {
                    KeyView rotated = ring.rotate();
                    messages.info("keys.rotated", messages.text("keys.purpose." + purpose), rotated.id());
                } catch (EJBAccessException e) {
                    messages.error("keys.adminOnly");
                }
            }
        }
        load();
    }

    public boolean isReader() {
        return user.hasRole(Roles.ADMIN) || user.hasRole(Roles.AUDITOR);
    }

    public boolean isAdmin() {
        return user.hasRole(Roles.ADMIN);
    }

    public List<Ring> getRings() {
        return all;
    }

    /** The published checkpoint key set (every key with the tree sizes and dates it signed), as served publicly. */
    public String getJournalKeySet() {
        return journalKeySet;
    }

    public SecretRekeyRunView getRekey() {
        return rekey;
    }

    public boolean isRekeyRunning() {
        return rekey != null && rekey.running();
    }
}

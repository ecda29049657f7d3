package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalUserView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The portal users' directory in Keycloak, through the admin client with a service-account client
 * ({@code client_credentials}; realm-management roles {@code manage-users}, {@code view-users}).
 * <p>
 * Settings (system property, else environment variable, else local default):
 * {@code gestan.keycloak.admin.url} / {@code GESTAN_KEYCLOAK_ADMIN_URL} (default: the OIDC provider URL without
 * {@code /realms/...}, else {@code https://localhost:8543}), {@code gestan.keycloak.admin.realm} (gestan),
 * {@code gestan.keycloak.admin.client-id} ({@code gestan-portal-admin}), {@code gestan.keycloak.admin.client-secret}
 * / {@code GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET} (the realm file's development secret).
 * <p>
 * Outside the caller's transaction: Keycloak is not transactional, and a {@link PortalDirectoryException} (an
 * application exception with rollback) thrown here must only roll back a caller that lets it go. In the caller's
 * transaction, an invitation whose e-mail failed (caught: the temporary password is shown instead) was marked
 * for rollback all the same, and answered 500 with a Keycloak user left without its portal link.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PortalDirectory {

    static final String DEV_SECRET = "gestan-portal-admin-dev-secret-change-me";
    /** Keycloak's required action that makes a user enrol a TOTP authenticator at its next sign-in. */
    static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private static final Logger LOG = Logger.getLogger(PortalDirectory.class.getName());

    private final KeycloakConnection connection = new KeycloakConnection(
            KeycloakConnection.setting("gestan.keycloak.admin.client-id", "GESTAN_KEYCLOAK_ADMIN_CLIENT_ID", "gestan-portal-admin"),
            KeycloakConnection.setting("gestan.keycloak.admin.client-secret", "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET", DEV_SECRET));

    private static String setting(String property, String env, String fallback) {
        return KeycloakConnection.setting(property, env, fallback);
    }

    private RealmResource realm() {
        return connection.realm();
    }

    @PreDestroy
    void close() {
        connection.close();
    }

    /** Creates an enabled user with role client, attribute tenant, and a temporary password to change at first sign-in. */
    public void createClientUser(String username, String email, String firstName, String lastName, String siren,
                                 char[] temporaryPassword) throws PortalDirectoryException {
        try {
            RealmResource realm = realm();
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(email);
            user.setEmailVerified(true);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setAttributes(Map.of("tenant", List.of(siren)));
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setTemporary(true);
            password.setValue(new String(temporaryPassword));
            user.setCredentials(List.of(password));
            String id;
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() == 409) {
                    throw new PortalDirectoryException(PortalDirectoryException.Reason.USER_EXISTS, "user exists: " + username, null);
                }
                if (response.getStatus() != 201) {
                    throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE,
                            "Keycloak answered " + response.getStatus() + " to the user creation", null);
                }
                String location = response.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get("client").toRepresentation()));
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    /** Whether the realm can send e-mail (an SMTP host is configured in Keycloak). */
    public boolean sendsMail() throws PortalDirectoryException {
        try {
            Map<String, String> smtp = realm().toRepresentation().getSmtpServer();
            return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Has Keycloak e-mail the user a link to choose a password (required action {@code UPDATE_PASSWORD}), valid for
     * {@code gestan.tenants.invitation-hours} (default 72); the link leads back to the portal
     * ({@code gestan.tenants.portal-url}, else Keycloak's own confirmation page).
     */
    public void sendActionLink(String username) throws PortalDirectoryException {
        try {
            RealmResource realm = realm();
            List<UserRepresentation> found = realm.users().search(username, true);
            if (found.isEmpty()) {
                throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "no Keycloak user " + username, null);
            }
            String portal = setting("gestan.tenants.portal-url", "GESTAN_TENANTS_PORTAL_URL", null);
            int hours = Integer.getInteger("gestan.tenants.invitation-hours", 72);
            realm.users().get(found.get(0).getId()).executeActionsEmail(portal == null ? null : "gestan-web", portal,
                    hours * 3600, List.of("UPDATE_PASSWORD"));
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak did not send the e-mail: " + e.getMessage(), e);
        }
    }

    /** Enables or disables the given users; disabling also ends their sessions. */
    public void setEnabled(String siren, List<String> usernames, boolean enabled) throws PortalDirectoryException {
        if (usernames.isEmpty()) {
            return;
        }
        try {
            RealmResource realm = realm();
            for (String username : usernames) {
                List<UserRepresentation> found = realm.users().searchByUsername(username, true);
                if (found.isEmpty()) {
                    LOG.warning(() -> "Portal user " + username + " of tenant " + siren + " is not in Keycloak");
                    continue;
                }
                UserResource user = realm.users().get(found.get(0).getId());
                UserRepresentation representation = user.toRepresentation();
                representation.setEnabled(enabled);
                user.update(representation);
                if (!enabled) {
                    user.logout();
                }
            }
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    /** The user's two-factor status: whether CONFIGURE_TOTP is pending and whether it has an OTP credential. */
    public PortalUserView twoFactorStatus(String username) throws PortalDirectoryException {
        try {
            List<UserRepresentation> found = realm().users().searchByUsername(username, true);
            if (found.isEmpty()) {
                return new PortalUserView(username, false, false, false);
            }
            UserRepresentation user = found.get(0);
            boolean pending = user.getRequiredActions() != null && user.getRequiredActions().contains(CONFIGURE_TOTP);
            boolean enrolled = realm().users().get(user.getId()).credentials().stream()
                    .anyMatch(c -> "otp".equals(c.getType()));
            return new PortalUserView(username, true, pending, enrolled);
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    /** Adds the required action CONFIGURE_TOTP to the user (nothing if it is already pending); false if unknown. */
    public boolean requireTotp(String username) throws PortalDirectoryException {
        try {
            List<UserRepresentation> found = realm().users().searchByUsername(username, true);
            if (found.isEmpty()) {
                return false;
            }
            UserResource user = realm().users().get(found.get(0).getId());
            UserRepresentation representation = user.toRepresentation();
            List<String> actions = new java.util.ArrayList<>(representation.getRequiredActions() == null ? List.of() : representation.getRequiredActions());
            if (!actions.contains(CONFIGURE_TOTP)) {
                actions.add(CONFIGURE_TOTP);
                representation.setRequiredActions(actions);
                user.update(representation);
            }
            return true;
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    /** Whether a user is enabled in Keycloak (for tests and the staff page), or null if unknown. */
    public Boolean isEnabled(String username) throws PortalDirectoryException {
        try {
            List<UserRepresentation> found = realm().users().searchByUsername(username, true);
            return found.isEmpty() ? null : found.get(0).isEnabled();
        } catch (ProcessingException | WebApplicationException e) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.UNAVAILABLE, "Keycloak is unavailable: " + e.getMessage(), e);
        }
    }
}

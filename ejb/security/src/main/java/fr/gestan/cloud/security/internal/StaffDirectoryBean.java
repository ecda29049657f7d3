package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.StaffDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class StaffDirectoryBean implements StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectoryBean.class.getName());
    private static final Set<String> STAFF_ROLES = Set.of(Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR);
    private static final long KEEP_MS = 60_000;
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(List<String> emails, long at) {
    }

    @Override
    public List<String> emailsOf(String role) {
        if (role == null || !STAFF_ROLES.contains(role)) {
            return List.of();
        }
        Cached cached = CACHE.get(role);
        if (cached != null && System.currentTimeMillis() - cached.at() < KEEP_MS) {
            return cached.emails();
        }
        try (Keycloak keycloak = KeycloakAdmin.connect()) {
            List<String> emails = keycloak.realm(KeycloakAdmin.realm()).roles().get(role).getUserMembers(0, 500).stream()
                    .filter(u -> Boolean.TRUE.equals(u.isEnabled())).map(UserRepresentation::getEmail).filter(Objects::nonNull)
                    .filter(e -> !e.isBlank()).map(String::strip).distinct().sorted().toList();
            CACHE.put(role, new Cached(emails, System.currentTimeMillis()));
            return emails;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Keycloak did not list the users of role " + role + ": " + e);
            return List.of();
        }
    }
}

package fr.gestan.cloud.security.api;

import java.util.List;

/**
 * The staff's e-mail addresses by role, as Keycloak knows them (the product keeps no e-mail address of its own for
 * staff): the staff reminders go to the role concerned besides the on-call address.
 */
public interface StaffDirectory {

    /**
     * The e-mail addresses of the enabled Keycloak users holding the realm role {@code role} ({@code support},
     * {@code admin}), sorted; empty when Keycloak cannot be reached (the on-call address is told anyway). Kept a
     * minute. Support and admins (the reminders' timer runs as support).
     */
    List<String> emailsOf(String role);
}

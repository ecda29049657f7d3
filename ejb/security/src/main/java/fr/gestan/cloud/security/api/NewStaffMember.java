package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff member to register: the Keycloak username, a display name and the staff role. */
public record NewStaffMember(
        @NotBlank(message = "{staff.username.required}")
        @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{1,99}", message = "{staff.username.format}")
        String username,
        @NotBlank(message = "{staff.displayName.required}")
        @Size(max = 200, message = "{staff.displayName.size}")
        String displayName,
        @NotBlank(message = "{staff.role.required}")
        @Pattern(regexp = "support|admin|auditor", message = "{staff.role.invalid}")
        String role) {
}

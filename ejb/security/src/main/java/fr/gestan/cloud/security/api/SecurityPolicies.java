package fr.gestan.cloud.security.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The versioned security policy. Everyone may read the version in effect (the public trust page shows it); staff
 * read the history; administrators add versions, effective now or later. Versions are never changed.
 */
public interface SecurityPolicies {

    /** The version in effect now. */
    PolicyVersionView current();

    /** Versions newest first, each with its changes from the one before. */
    List<PolicyVersionView> history(@Min(value = 0, message = "{page.first.invalid}") int first,
                                    @Min(value = 1, message = "{page.size.invalid}") @Max(value = 200, message = "{page.size.invalid}") int max);

    /**
     * Adds a version; {@code effectiveFrom} null means now, otherwise it must not be in the past.
     * Journaled as {@code POLICY_CHANGED} with the changed settings.
     */
    PolicyVersionView change(@NotNull(message = "{policy.settings.required}") @Valid PolicySettings settings,
                             Instant effectiveFrom,
                             @NotBlank(message = "{policy.reason.required}") @Size(max = 500, message = "{policy.reason.size}") String reason)
            throws PolicyException;
}

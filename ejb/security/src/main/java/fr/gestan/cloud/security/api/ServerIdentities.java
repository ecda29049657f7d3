package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Staff members' identities on the servers (unix logins, SSH key fingerprints, RDP accounts) and the check of every
 * server sign-in a machine reports against them: "every access to the servers is recorded and verifiable". A
 * sign-in by an identity that matches no staff member, or a staff member who is not support bound by a confidentiality
 * agreement valid that day, raises an alert (back office, journaled {@code SERVER_ACCESS_ALERT}) until a staff
 * member acknowledges it. See docs/security.md, "Server identities".
 */
public interface ServerIdentities {

    enum Kind { UNIX_LOGIN, SSH_KEY, RDP_ACCOUNT }

    enum AlertReason { UNKNOWN_IDENTITY, NOT_CLEARED_SUPPORT }

    record IdentityView(long id, String username, Kind kind, String value, Instant addedAt, String addedBy) implements java.io.Serializable {
    }

    /** A reported sign-in, as the agent API checked it. {@code keyFingerprint}: the SSH key's, when known. */
    record Access(String serverRef, String account, String keyFingerprint, String address, String method, Instant at) {
    }

    /** The sign-in's staff member ({@code null}: none), and the alert it raised ({@code null}: none). */
    record AccessCheck(String username, AlertReason alert, Long alertId) {

        public boolean alerted() {
            return alert != null;
        }
    }

    record AlertView(long id, String serverRef, String reporter, String account, String keyFingerprint, String address,
                     String method, Instant occurredAt, AlertReason reason, String matchedUsername, Instant raisedAt,
                     Instant acknowledgedAt, String acknowledgedBy, String acknowledgement) implements java.io.Serializable {
    }

    /** Gives a registered staff member a server identity (administrators, journaled). Refused if it is anyone's already. */
    IdentityView add(@NotBlank(message = "{staff.username.required}") String username, @NotNull(message = "{identity.kind}") Kind kind,
                     @NotBlank(message = "{identity.value}") @Size(max = 200, message = "{identity.value}") String value) throws StaffException;

    /** Removes one (administrators, journaled). */
    void remove(long id);

    /** Every identity, by staff member. Staff. */
    List<IdentityView> all();

    /**
     * Checks one reported sign-in ({@code reporter}: the machine that reported it) and raises an alert if needed, in
     * the caller's transaction. Local interface, {@code @PermitAll}: the agent API has authenticated the reporter.
     */
    AccessCheck check(String reporter, Access access);

    /** Alerts not acknowledged, newest first. Staff. */
    List<AlertView> openAlerts(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** Acknowledges an alert, saying why (support and administrators, journaled). */
    AlertView acknowledge(long alertId, @NotBlank(message = "{identity.acknowledgement}") @Size(max = 500, message = "{identity.acknowledgement}") String note);
}

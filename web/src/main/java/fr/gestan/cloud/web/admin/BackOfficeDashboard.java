package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The back-office dashboard's reads in one call, hence in one transaction (docs/performance.md 4.36). The tiles' beans
 * used to call each module's service themselves, about a dozen calls a view, and each call that read the database
 * ran in a transaction of its own: a connection taken from the pool and checked with {@code select 1}
 * ({@code validate-on-match}), then a {@code COMMIT}, two round trips besides its statement for each of the eight that
 * read the database. Here the calls join this method's transaction and share one connection: one check and one commit
 * a view. Each call still checks its caller's roles; nothing is kept beyond the call (the modules' own per-node memos
 * aside: the tenant count, the servers, the report's summary, the failing controls).
 *
 * <p>The Keycloak lockouts (read by the lockouts tile) are not read here: they are not in the database, and their
 * {@code RealmUnavailableException} marks a transaction for rollback.
 */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class BackOfficeDashboard {

    /** The journal tile's entries. */
    static final int JOURNAL_ENTRIES = 10;
    /** The security tile's server-access alerts. */
    static final int ACCESS_ALERTS = 10;

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @EJB
    HostingInventory inventory;
    @EJB
    ServerStatus status;
    @EJB
    Monitoring monitoring;
    @EJB
    ComplianceReports reports;
    @EJB
    JournalQuery journal;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    ServerControls controls;
    @EJB
    ServerIdentities identities;

    /** Every tile's figures; the latest journal entries only when {@code journalEntries} (auditors and admins). */
    public BackOfficeFigures read(boolean journalEntries) {
        return new BackOfficeFigures(tenants.count(), tenants.openChangeRequestCount() + accounts.pendingResetRequestCount(),
                inventory.keptDataCentres(), inventory.servers(), status.activeIncidents(), monitoring.alerts(), reports.summary(),
                journalEntries ? journal.latest(JOURNAL_ENTRIES) : List.of(), agreements.expiringSoon(), controls.failing(),
                identities.openAlerts(ACCESS_ALERTS));
    }
}

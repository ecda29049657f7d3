package fr.gestan.cloud.tenants.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Client companies (tenants) hosted by the offer. Staff ({@code support}, {@code admin}) create and change them,
 * auditors read; a client reads its own company only. Every change is journaled.
 */
public interface TenantService {

    /** Registers a client company with its full record. Staff only. A duplicate SIREN is refused. */
    TenantRecord create(@NotNull(message = "{tenant.required}") @Valid TenantDetails details);

    /**
     * Changes a tenant's record. {@code expectedVersion} is the version the editor read: if someone saved since,
     * nothing is saved and {@link ConcurrentEditException} is thrown. The SIREN cannot change. Staff only.
     */
    TenantRecord update(long id, long expectedVersion, @NotNull(message = "{tenant.required}") @Valid TenantDetails details)
            throws TenantNotFoundException, ConcurrentEditException, TenantStateException;

    /** The full record. Staff and auditors. */
    TenantRecord get(long id) throws TenantNotFoundException;

    /**
     * The record with its hosted accounts and portal users' usernames, as the staff's page of a tenant shows them: what
     * {@link #get}, {@link HostedAccounts#ofTenant} and {@link PortalUsers#usernames} return, in one transaction (3
     * statements, 5 as three calls). Staff and auditors.
     */
    TenantOverview overview(long id) throws TenantNotFoundException;

    /** A tenant by its SIREN (for the other modules). Staff and auditors. */
    TenantView bySiren(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren)
            throws TenantNotFoundException;

    /**
     * Who receives the notices of staff access to the tenant's data: its security contact, or its administrative
     * contact while it has none. Empty for an unknown SIREN. Staff and auditors (the notifications module calls it
     * while staff act).
     */
    java.util.Optional<Contact> securityContact(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren);

    /**
     * The full record of a tenant by its SIREN, empty when there is none: for the other modules that must not roll their
     * transaction back over an unknown SIREN (the not-found exception marks it for rollback). Staff and auditors.
     */
    java.util.Optional<TenantRecord> findBySiren(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren);

    /**
     * The full records of these tenants in one query (the certificate batch reads a page of tenants at once); unknown
     * SIRENs are left out. At most 500. Staff and auditors.
     */
    List<TenantRecord> recordsOf(@NotNull @Size(max = 500, message = "{page.size.invalid}") List<String> sirens);

    /** Sets (or, with null, removes) the tenant's security contact; journaled. Staff only. */
    TenantRecord setSecurityContact(long id, @Valid Contact contact) throws TenantNotFoundException;

    /**
     * The calling client's own security contact, empty while none is set (its administrative contact then receives
     * the staff-access notices). Clients.
     */
    java.util.Optional<Contact> mySecurityContact() throws TenantNotFoundException;

    /** The calling client sets (or, with null or an empty contact, removes) its security contact; journaled. Clients. */
    TenantRecord setMySecurityContact(@Valid Contact contact) throws TenantNotFoundException;

    /** One page of tenants, filtered and sorted in the database (two queries). Staff and auditors. */
    TenantPage search(@NotNull @Valid TenantQuery query);

    /** The rows of one page only (one query); with {@link #countMatching} for lazy tables. Staff and auditors. */
    List<TenantView> rows(@NotNull @Valid TenantQuery query);

    /**
     * How many tenants match the query's filter (one query, kept a few seconds per node by filter and void at this
     * node's writes of a tenant; another node's show within them). Staff and auditors.
     */
    long countMatching(@NotNull @Valid TenantQuery query);

    /** One page of tenants ordered by legal name. Staff only. */
    List<TenantView> list(@Min(value = 0, message = "{page.first.invalid}") int first,
                          @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count();

    /** How many days a terminated tenant's data is kept (for its return) before it is purged. Anyone signed in. */
    int retentionDays();

    /** Suspends an active tenant (its portal users are disabled). Staff only. */
    TenantRecord suspend(long id, @NotBlank(message = "{tenant.reason.required}") @Size(max = 500, message = "{tenant.reason.size}") String reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException;

    /** Reactivates a suspended tenant; a terminated tenant cannot be reactivated. Staff only. */
    TenantRecord reactivate(long id, @NotBlank(message = "{tenant.reason.required}") @Size(max = 500, message = "{tenant.reason.size}") String reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException;

    /**
     * Terminates a tenant: its data are kept for the retention period, then purged by a scheduled job. Staff only.
     */
    TenantRecord terminate(long id, @NotBlank(message = "{tenant.reason.required}") @Size(max = 500, message = "{tenant.reason.size}") String reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException;

    /**
     * The company of the signed-in client contact. Clients only. Read once per request with the caller's link to its
     * company (which every client call of a page needs): a page that asks again, or whose header asked
     * ({@link #myCompanyName}), reads nothing more.
     */
    TenantView myCompany() throws TenantNotFoundException;

    /**
     * The legal name of the signed-in client's company, for the portal's header: empty for a client linked to no
     * company (no exception: the transaction of the view it is read in is not marked for rollback). Clients only,
     * their own company only (it takes no argument). One statement of four columns at most, none when the request
     * has already read the caller's company (its confinement did); runs in the caller's transaction or in none.
     */
    java.util.Optional<String> myCompanyName();

    /**
     * The signed-in client's company as {@link #myCompany} gives it, or empty for a client linked to no company (no
     * exception, as {@link #myCompanyName}: the view's transaction is not marked for rollback). Clients only, their
     * own company only. The portal reads it once per request for its header, its company tile and its journal tile
     * ({@code CurrentUser}; docs/performance.md, client19): the same read as {@link #myCompanyName}, none when the
     * request already knows the caller's company; runs in the caller's transaction or in none.
     */
    java.util.Optional<TenantView> myLinkedCompany();

    /** The full record of the signed-in client's company. Clients only. */
    TenantRecord myCompanyRecord() throws TenantNotFoundException;

    /** A client asks staff to change its company record; the request joins the staff queue. Clients only. */
    ChangeRequestView requestChange(@NotBlank(message = "{tenant.change.text.required}") @Size(max = 2000, message = "{tenant.change.text.size}") String text)
            throws TenantNotFoundException;

    /** The signed-in client's change requests, newest first. Clients only. */
    List<ChangeRequestView> myChangeRequests() throws TenantNotFoundException;

    /** Open change requests, oldest first. Staff and auditors. */
    List<ChangeRequestView> openChangeRequests(@Min(value = 0, message = "{page.first.invalid}") int first,
                                               @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long openChangeRequestCount();

    /** One tenant's change requests, newest first (at most {@code max}); empty for an unknown SIREN. Staff and auditors. */
    List<ChangeRequestView> changeRequestsOf(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren,
                                             @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /**
     * One page of the staff queue, oldest first, paginated in the database. {@code status}: a
     * {@link ChangeRequestStatus} name, {@code OPEN} (new and in progress) or {@code ALL}. Staff and auditors.
     */
    List<ChangeRequestView> changeRequests(@NotNull(message = "{requests.status.invalid}") @Pattern(regexp = "ALL|OPEN|NEW|IN_PROGRESS|CLOSED", message = "{requests.status.invalid}") String status,
                                           @Min(value = 0, message = "{page.first.invalid}") int first,
                                           @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** How many requests {@link #changeRequests} has for {@code status}. */
    long changeRequestCount(@NotNull(message = "{requests.status.invalid}") @Pattern(regexp = "ALL|OPEN|NEW|IN_PROGRESS|CLOSED", message = "{requests.status.invalid}") String status);

    /**
     * The calling support engineer takes an open request (becomes its assignee; journaled). Support only: the
     * engineers who handle requests. Refused when the request is closed or another engineer already holds it.
     */
    ChangeRequestView takeChangeRequest(long id) throws TenantNotFoundException, ChangeRequestTakenException;

    /** Closes a change request with what was done. Staff only. */
    ChangeRequestView closeChangeRequest(long id, @NotBlank(message = "{tenant.change.resolution.required}") @Size(max = 500, message = "{tenant.reason.size}") String resolution)
            throws TenantNotFoundException;
}

package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.Contact;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.tenants.api.ChangeRequestTakenException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantOverview;
import fr.gestan.cloud.tenants.api.TenantPage;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class TenantServiceBean extends TenantsServiceBase implements TenantService {

    /** Days a terminated tenant's data are kept before the purge (system property). */
    static final String RETENTION_PROPERTY = "gestan.tenants.retention-days";
    static final int DEFAULT_RETENTION_DAYS = 90;

    private static final Map<TenantQuery.Sort, String> SORT_COLUMNS = Map.of(
            TenantQuery.Sort.LEGAL_NAME, "t.legalName",
            TenantQuery.Sort.SIREN, "t.siren",
            TenantQuery.Sort.STATE, "t.state",
            TenantQuery.Sort.CREATED_AT, "t.createdAt");

    @EJB
    PortalDirectory portalDirectory;

    @Override
    public TenantRecord create(TenantDetails details) {
        requireNewSiren(details.siren());
        Tenant tenant = new Tenant(details, clock.instant());
        em.persist(tenant);
        em.flush();
        journal.record(JournalEvent.success("TENANT_REGISTERED", tenant.siren(), tenant.legalName()));
        return tenant.toRecord();
    }

    private void requireNewSiren(String siren) {
        if (!em.createNamedQuery(Tenant.BY_SIREN, Tenant.class).setParameter("siren", siren).getResultList().isEmpty()) {
            throw new DuplicateSirenException(siren);
        }
    }

    @Override
    public TenantRecord update(long id, long expectedVersion, TenantDetails details)
            throws TenantNotFoundException, ConcurrentEditException, TenantStateException {
        Tenant tenant = find(id, LockModeType.OPTIMISTIC);
        if (tenant.version() != expectedVersion) {
            throw new ConcurrentEditException("tenant " + tenant.siren());
        }
        if (!tenant.siren().equals(details.siren())) {
            throw new TenantStateException(tenant.state(), "change the SIREN of");
        }
        tenant.edit(details);
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new ConcurrentEditException("tenant " + tenant.siren());
        }
        journal.record(JournalEvent.success("TENANT_UPDATED", tenant.siren(), tenant.legalName()));
        return tenant.toRecord();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public TenantRecord get(long id) throws TenantNotFoundException {
        return find(id, LockModeType.NONE).toRecord();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public TenantOverview overview(long id) throws TenantNotFoundException {
        Tenant tenant = find(id, LockModeType.NONE);
        return new TenantOverview(tenant.toRecord(), HostedAccount.viewsOf(em, tenant), PortalAccount.usernamesOf(em, tenant));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public TenantView bySiren(String siren) throws TenantNotFoundException {
        return em.createNamedQuery(Tenant.BY_SIREN, Tenant.class).setParameter("siren", siren)
                .getResultList().stream().findFirst().map(Tenant::toView)
                .orElseThrow(() -> new TenantNotFoundException("No tenant with SIREN " + siren));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public java.util.Optional<Contact> securityContact(String siren) {
        return em.createNamedQuery(Tenant.BY_SIREN, Tenant.class).setParameter("siren", siren)
                .getResultList().stream().findFirst().map(Tenant::securityContact);
    }

    @Override
    public TenantRecord setSecurityContact(long id, Contact contact) throws TenantNotFoundException {
        return recordSecurityContact(find(id, LockModeType.NONE), contact);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public java.util.Optional<TenantRecord> findBySiren(String siren) {
        return em.createNamedQuery(Tenant.BY_SIREN, Tenant.class).setParameter("siren", siren).getResultList().stream().findFirst()
                .map(Tenant::toRecord);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<TenantRecord> recordsOf(List<String> sirens) {
        // read-only: records made of them, nothing kept for a dirty check at the flush (the certificate batch reads a page)
        return sirens.isEmpty() ? List.of() : em.createNamedQuery(Tenant.BY_SIRENS, Tenant.class).setParameter("sirens", sirens)
                .setHint("org.hibernate.readOnly", true).getResultList().stream().map(Tenant::toRecord).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public java.util.Optional<Contact> mySecurityContact() throws TenantNotFoundException {
        return java.util.Optional.ofNullable(callersTenant().ownSecurityContact());
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public TenantRecord setMySecurityContact(Contact contact) throws TenantNotFoundException {
        return recordSecurityContact(callersTenant(), contact);
    }

    private TenantRecord recordSecurityContact(Tenant tenant, Contact contact) {
        tenant.setSecurityContact(contact);
        journal.record(JournalEvent.success("TENANT_SECURITY_CONTACT_SET", tenant.siren(),
                contact == null || contact.isEmpty() ? "-" : contact.email()));
        return tenant.toRecord();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public TenantPage search(TenantQuery query) {
        List<TenantView> rows = rows(query);
        // A short page tells the total without a count query.
        boolean shortPage = rows.size() < query.max() && (query.first() == 0 || !rows.isEmpty());
        return new TenantPage(rows, shortPage ? query.first() + rows.size() : countMatching(query));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<TenantView> rows(TenantQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        if (where == null) {
            return List.of();
        }
        String order = " order by " + orderColumn(query) + (query.ascending() ? " asc" : " desc") + ", t.id";
        // Only the list's columns: no entity, no contact or address columns.
        TypedQuery<TenantView> page = em.createQuery("select new fr.gestan.cloud.tenants.api.TenantView(t.id, t.legalName, t.siren, t.state)"
                + " from Tenant t" + where + order, TenantView.class);
        parameters.forEach(page::setParameter);
        return page.setFirstResult(query.first()).setMaxResults(query.max()).getResultList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long countMatching(TenantQuery query) {
        if (unfiltered(query)) {
            return count(); // the list without a filter: every tenant, the back-office dashboard's count kept per node
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        if (where == null) {
            return 0;
        }
        // kept per node by filter: the same total for every staff member, and each page of a search's results asked for it
        return TenantCountCache.matching(new TenantCountCache.Filter(where, parameters), () -> {
            TypedQuery<Long> count = em.createQuery("select count(t) from Tenant t" + where, Long.class);
            parameters.forEach(count::setParameter);
            return count.getSingleResult();
        });
    }

    /**
     * The column the page is sorted by. A search by a text without letters (a SIREN, digits of a name) sorted by name
     * is sorted by an expression of the name, the same order, that the name's index cannot give: PostgreSQL's generic
     * plan for the prepared statement (the driver's, after its fifth run) otherwise walks that index in order to stop
     * at the 25th match, and a search that matches one tenant walked all 10,000 entries and their rows (about 10,000
     * buffers, 6 to 18 ms a search at full scale, where a scan of the table and a sort of its few matches take 2 ms;
     * docs/performance.md, "staff dashboards, tenant search and public pages (pages11s)"). A text with letters (a word of
     * a name, often in many names) keeps the walk, which stops early.
     */
    static String orderColumn(TenantQuery query) {
        String column = SORT_COLUMNS.get(query.sort());
        return query.sort() == TenantQuery.Sort.LEGAL_NAME && hasText(query) && !hasLetter(query.text()) ? "concat(" + column + ", '')" : column;
    }

    /**
     * True when the query matches every tenant (no text, state or SIRENs): its count is {@link #count()}, kept
     * {@value TenantCountCache#FRESH_MILLIS} ms per node and void at once at this node's additions and removals, where
     * a count of the 10,000 rows ran at each page of the unfiltered list (its first page and each AJAX page after it).
     */
    static boolean unfiltered(TenantQuery query) {
        return !hasText(query) && query.state() == null && query.sirens() == null;
    }

    private static boolean hasText(TenantQuery query) {
        return query.text() != null && !query.text().isBlank();
    }

    /**
     * False when {@code text} holds a character no name or SIREN can hold: NUL, which PostgreSQL refuses in a text
     * (the search failed with a server error), or half of a surrogate pair, which the driver would send as {@code ?}
     * and match names holding one. Such a text matches no tenant.
     */
    static boolean storable(String text) {
        // a lone surrogate is a code point of its own in codePoints(); a pair is one code point above them
        return text.codePoints().noneMatch(c -> c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** True when {@code text} holds a letter or any other character that has a case (Ⅻ, Ⓐ). */
    static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c) || Character.toLowerCase(c) != c || Character.toUpperCase(c) != c);
    }

    /** The filter's where clause with its parameters, or null when nothing can match. */
    static String where(TenantQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (hasText(query) && !storable(query.text())) {
            return null;
        }
        if (hasText(query)) {
            String text = query.text().strip().toLowerCase(Locale.ROOT);
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            // lower() only changes letters: a text without any (a SIREN, digits) matches the name as stored. A text with
            // letters matches lower(legal_name) as the database stored it at the tenant's last write (a generated column,
            // V11): lowering each of the 10,000 names at each search and again at its count was most of a search's time
            // in PostgreSQL (docs/performance.md, "tenant search (staff19)")
            String name = hasLetter(text) ? "t.legalNameLower" : "t.legalName";
            where.append(" and (").append(name).append(" like :name escape '\\' or t.siren like :siren escape '\\')");
            parameters.put("name", "%" + escaped + "%");
            parameters.put("siren", escaped + "%");
        }
        if (query.state() != null) {
            where.append(" and t.state = :state");
            parameters.put("state", query.state());
        }
        if (query.sirens() != null) {
            if (query.sirens().isEmpty()) {
                return null;
            }
            where.append(" and t.siren in :sirens");
            parameters.put("sirens", query.sirens());
        }
        return where.toString();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<TenantView> list(int first, int max) {
        return em.createNamedQuery(Tenant.ORDERED_BY_NAME, Tenant.class)
                .setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(Tenant::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long count() {
        return TenantCountCache.get(() -> em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult());
    }

    @Override
    public TenantRecord suspend(long id, String reason) throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Tenant tenant = find(id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenant.suspend(reason, clock.instant());
        return changed(tenant, false, "TENANT_SUSPENDED", tenant.legalName(), reason);
    }

    @Override
    public TenantRecord reactivate(long id, String reason) throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Tenant tenant = find(id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenant.reactivate(reason, clock.instant());
        return changed(tenant, true, "TENANT_REACTIVATED", tenant.legalName(), reason);
    }

    @Override
    public TenantRecord terminate(long id, String reason) throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Tenant tenant = find(id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        LocalDate purgeAfter = LocalDate.now(clock.withZone(Paris.ZONE)).plusDays(retentionDays());
        tenant.terminate(reason, clock.instant(), purgeAfter);
        return changed(tenant, false, "TENANT_TERMINATED", tenant.legalName() + " (purge after " + purgeAfter + ")", reason);
    }

    /** After a change of state: the portal accounts follow it, the change is journaled. */
    private TenantRecord changed(Tenant tenant, boolean portalEnabled, String action, String detail, String reason) throws PortalDirectoryException {
        portalDirectory.setEnabled(tenant.siren(), usernamesOf(tenant), portalEnabled);
        journal.record(new JournalEvent(action, tenant.siren(), detail, JournalEvent.Outcome.SUCCESS, reason));
        return flushed(tenant);
    }

    @Override
    @PermitAll
    public int retentionDays() {
        return Math.max(0, Integer.getInteger(RETENTION_PROPERTY, DEFAULT_RETENTION_DAYS));
    }

    private TenantRecord flushed(Tenant tenant) {
        em.flush();
        return tenant.toRecord();
    }

    private List<String> usernamesOf(Tenant tenant) {
        return em.createNamedQuery(PortalAccount.USERNAMES_OF_TENANT, String.class).setParameter("tenant", tenant).getResultList();
    }

    // SUPPORTS (and myCompanyName): a read of the request's memo, or of one statement; outside a transaction (the
    // portal's header, the pages that do not run in one) it takes no commit (docs/performance.md 4.40).
    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TenantView myCompany() throws TenantNotFoundException {
        return callersLink().map(CallerLinks.Link::view)
                .orElseThrow(() -> new TenantNotFoundException("No company is linked to portal user " + actor()));
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> myCompanyName() {
        return callersLink().map(CallerLinks.Link::legalName);
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TenantView> myLinkedCompany() {
        return callersLink().map(CallerLinks.Link::view);
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    public TenantRecord myCompanyRecord() throws TenantNotFoundException {
        return callersTenant().toRecord();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_WRITE})
    public ChangeRequestView requestChange(String text) throws TenantNotFoundException {
        Tenant tenant = callersTenant();
        ChangeRequest request = new ChangeRequest(tenant, actor(), clock.instant(), text);
        em.persist(request);
        em.flush();
        journal.record(JournalEvent.success("TENANT_CHANGE_REQUESTED", tenant.siren(), tenant.legalName()));
        return request.toView();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    public List<ChangeRequestView> myChangeRequests() throws TenantNotFoundException {
        // the caller's company as the request read it, by reference (the company page's header then reads nothing)
        return em.createNamedQuery(ChangeRequest.OF_TENANT, ChangeRequest.class).setParameter("tenant", em.getReference(Tenant.class, callersTenantId()))
                .setMaxResults(100).getResultList().stream().map(ChangeRequest::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ChangeRequestView> openChangeRequests(int first, int max) {
        return em.createNamedQuery(ChangeRequest.OPEN, ChangeRequest.class).setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(ChangeRequest::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ChangeRequestView> changeRequestsOf(String siren, int max) {
        return em.createQuery("select r from ChangeRequest r join fetch r.tenant where r.tenant.siren = :siren order by r.requestedAt desc, r.id desc",
                ChangeRequest.class).setParameter("siren", siren).setMaxResults(max).getResultList().stream()
                .map(ChangeRequest::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long openChangeRequestCount() {
        return PendingCountsCache.openChangeRequests(() -> em.createNamedQuery(ChangeRequest.OPEN_COUNT, Long.class).getSingleResult());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ChangeRequestView> changeRequests(String status, int first, int max) {
        return em.createNamedQuery(ChangeRequest.QUEUE, ChangeRequest.class).setParameter("status", status)
                .setFirstResult(first).setMaxResults(max).getResultList().stream().map(ChangeRequest::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long changeRequestCount(String status) {
        return em.createNamedQuery(ChangeRequest.QUEUE_COUNT, Long.class).setParameter("status", status).getSingleResult();
    }

    @Override
    @RolesAllowed(Roles.SUPPORT)
    public ChangeRequestView takeChangeRequest(long id) throws TenantNotFoundException, ChangeRequestTakenException {
        ChangeRequest request = em.find(ChangeRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new TenantNotFoundException("No change request " + id);
        }
        String me = actor();
        if (request.closed() || (request.assignee() != null && !request.assignee().equals(me))) {
            throw new ChangeRequestTakenException(id, request.closed() ? null : request.assignee());
        }
        if (request.take(me, clock.instant())) {
            journal.record(JournalEvent.success("TENANT_CHANGE_TAKEN", request.tenant().siren(), "change request " + id));
        }
        return request.toView();
    }

    @Override
    public ChangeRequestView closeChangeRequest(long id, String resolution) throws TenantNotFoundException {
        ChangeRequest request = em.find(ChangeRequest.class, id);
        if (request == null) {
            throw new TenantNotFoundException("No change request " + id);
        }
        request.close(actor(), clock.instant(), resolution);
        journal.record(new JournalEvent("TENANT_CHANGE_CLOSED", request.tenant().siren(), "change request " + id,
                JournalEvent.Outcome.SUCCESS, resolution));
        return request.toView();
    }

    /**
     * The signed-in client's tenant, from this module's own table (never from a request parameter): found by the id of
     * the request's link ({@link #callersLink}), so that a view's second call (the company page's record, then its
     * security contact) finds it in the transaction's persistence context instead of querying it again.
     */
    Tenant callersTenant() throws TenantNotFoundException {
        Tenant tenant = em.find(Tenant.class, callersTenantId());
        if (tenant == null) { // removed since the link was read
            throw new TenantNotFoundException("No company is linked to portal user " + actor());
        }
        return tenant;
    }

    private Tenant find(long id, LockModeType lock) throws TenantNotFoundException {
        Tenant tenant = em.find(Tenant.class, id, lock);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + id);
        }
        return tenant;
    }
}

package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ValidatesBusinessInterface
@Stateless
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class JournalQueryBean implements JournalQuery {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Override
    public List<JournalEntryView> latest(int max) {
        // the entries and their positions in one statement (two before: the entries, then their positions; pages11s)
        List<JournalEntryView> rows = new java.util.ArrayList<>();
        for (Object result : em.createNativeQuery(JournalEntry.LATEST_SQL, JournalEntry.WITH_POSITION).setMaxResults(max).getResultList()) {
            rows.add(positioned((Object[]) result));
        }
        return rows;
    }

    @Override
    public List<JournalEntryView> page(int first, int max) {
        return views(em.createNamedQuery(JournalEntry.NEWEST_FIRST, JournalEntry.class).setFirstResult(first).setMaxResults(max)
                .getResultList());
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public List<JournalEntryView> ofTenant(@TenantRef String tenantRef, int first, int max) {
        List<JournalEntryView> rows = new java.util.ArrayList<>();
        for (Object result : em.createNativeQuery(JournalEntry.OF_TENANT_SQL, JournalEntry.WITH_POSITION).setParameter(1, tenantRef)
                .setFirstResult(first).setMaxResults(max).getResultList()) {
            rows.add(positioned((Object[]) result));
        }
        return rows;
    }

    /** A row of a {@link JournalEntry#WITH_POSITION} or {@link JournalEntry#WITH_POSITION_AND_TOTAL} query: the entry and its position. */
    private static JournalEntryView positioned(Object[] row) {
        return ((JournalEntry) row[0]).toView(row[1] == null ? null : ((Number) row[1]).longValue());
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public JournalPage pageOfTenant(@TenantRef String tenantRef, int first, int max) {
        JournalPage read = withPositionAndTotal(em.createNativeQuery(JournalEntry.PAGE_OF_TENANT_SQL, JournalEntry.WITH_POSITION_AND_TOTAL)
                .setParameter(1, tenantRef).setFirstResult(first).setMaxResults(max), first);
        if (read.rows().isEmpty() && first > 0) { // past the last page: no row to read the total from
            return new JournalPage(read.rows(), countOfTenant(tenantRef), first);
        }
        return read;
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public JournalPage pageOfTenantWithin(@TenantRef String tenantRef, int first, int max) {
        JournalPage read = withPositionAndTotal(em.createNativeQuery(JournalEntry.PAGE_OF_TENANT_WITHIN_SQL, JournalEntry.WITH_POSITION_AND_TOTAL)
                .setParameter(1, tenantRef).setParameter(2, first).setParameter(3, max), first);
        // no row: the tenant has no entry (past its end, the statement reads its last page); else the statement's offset
        return new JournalPage(read.rows(), read.total(), read.rows().isEmpty() ? 0 : (int) within(first, max, read.total()));
    }

    /** The rows of a {@link JournalEntry#WITH_POSITION_AND_TOTAL} query, with the total they carry (0 without rows), from {@code first}. */
    private static JournalPage withPositionAndTotal(jakarta.persistence.Query query, int first) {
        List<JournalEntryView> rows = new java.util.ArrayList<>();
        long total = 0;
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            rows.add(positioned(row));
            total = ((Number) row[2]).longValue();
        }
        return new JournalPage(rows, total, first);
    }

    /** The first row the statement reads: {@code first} while the tenant has more entries, else its last page's. */
    static long within(int first, int max, long total) {
        return first < total ? first : Math.max(0, total - 1) / max * max;
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public long countOfTenant(@TenantRef String tenantRef) {
        return em.createNamedQuery(JournalEntry.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenantRef).getSingleResult();
    }

    @Override
    @jakarta.annotation.security.PermitAll
    public Long positionOf(long entryId) {
        java.util.List<?> rows = em.createNativeQuery("select position from journal_leaf where entry_id = :id")
                .setParameter("id", entryId).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** The views with their log positions (one query for the page; null while not yet sequenced). */
    private List<JournalEntryView> views(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Long> positions = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("select entry_id, position from journal_leaf where entry_id in (:ids)")
                .setParameter("ids", entries.stream().map(JournalEntry::id).toList()).getResultList()) {
            Object[] pair = (Object[]) row;
            positions.put(((Number) pair[0]).longValue(), ((Number) pair[1]).longValue());
        }
        return entries.stream().map(e -> e.toView(positions.get(e.id()))).toList();
    }

    @Override
    public long count() {
        return em.createNamedQuery(JournalEntry.COUNT, Long.class).getSingleResult();
    }
}

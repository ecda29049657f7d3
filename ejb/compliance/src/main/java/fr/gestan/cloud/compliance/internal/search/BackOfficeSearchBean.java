package fr.gestan.cloud.compliance.internal.search;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.compliance.api.BackOfficeSearch;
import fr.gestan.cloud.compliance.api.SearchKind;
import fr.gestan.cloud.compliance.api.SearchResults;
import fr.gestan.cloud.compliance.api.SearchResults.Group;
import fr.gestan.cloud.compliance.api.SearchResults.Hit;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back office's search: companies through the tenants module (name contains or SIREN starts with, in the database),
 * contracts through the hosting module (by number, or a SIREN's contracts), certificates in this module's register
 * (number starts with, in the database, on its unique index), servers through the hosting inventory (a few hundred at
 * most, filtered here). The names of the clients of contract and certificate hits come in one query per group.
 */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
@ValidatesBusinessInterface
public class BackOfficeSearchBean implements BackOfficeSearch {

    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @PersistenceContext(unitName = "compliance")
    EntityManager em;

    @Override
    public SearchResults search(String text, SearchKind kind, int first, int max) {
        String q = text.strip();
        List<Group> groups = new ArrayList<>();
        for (SearchKind k : SearchKind.values()) {
            if (kind != null && kind != k) {
                continue;
            }
            int from = kind == null ? 0 : first;
            Group g = switch (k) {
                case COMPANY -> companies(q, from, max);
                case CONTRACT -> contracts(q, from, max);
                case CERTIFICATE -> certificates(q, from, max);
                case SERVER -> servers(q, from, max);
            };
            if (g.total() > 0) {
                groups.add(g);
            }
        }
        return new SearchResults(q, groups);
    }

    private Group companies(String q, int first, int max) {
        TenantQuery query = new TenantQuery(q, null, null, TenantQuery.Sort.LEGAL_NAME, true, first, max);
        long total = tenants.countMatching(query);
        List<Hit> hits = total == 0 ? List.of() : tenants.rows(query).stream()
                .map(t -> new Hit(SearchKind.COMPANY, t.siren(), t.legalName(), t.siren() + " · " + t.state(), t.siren(), t.legalName()))
                .toList();
        return new Group(SearchKind.COMPANY, total, first, hits);
    }

    private Group contracts(String q, int first, int max) {
        List<ContractView> found;
        long total;
        if (q.matches("\\d{9}")) { // a SIREN: its contracts
            total = contracts.count(q);
            found = total == 0 ? List.of() : contracts.list(q, first, max);
        } else if (q.matches("(?i)(n°\\s*|#)?\\d{1,18}")) { // a contract number
            found = contracts.find(Long.parseLong(q.replaceAll("\\D", ""))).stream().toList();
            total = found.size();
            found = first == 0 ? found : List.of();
        } else {
            return new Group(SearchKind.CONTRACT, 0, first, List.of());
        }
        Map<String, String> names = names(found.stream().map(ContractView::tenantSiren).toList());
        List<Hit> hits = found.stream().map(c -> new Hit(SearchKind.CONTRACT, Long.toString(c.id()), "n° " + c.id() + " · " + c.offer(),
                c.productionServer() + " · " + c.status(), c.tenantSiren(), names.get(c.tenantSiren()))).toList();
        return new Group(SearchKind.CONTRACT, total, first, hits);
    }

    private Group certificates(String q, int first, int max) {
        String prefix = q.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (!prefix.startsWith("GC") || prefix.length() < 3) {
            return new Group(SearchKind.CERTIFICATE, 0, first, List.of());
        }
        long total = em.createQuery("select count(c) from CertificateRecord c where c.number like :p escape '\\'", Long.class)
                .setParameter("p", prefix).getSingleResult();
        List<Object[]> rows = total == 0 ? List.of() : em.createQuery(
                        "select c.number, c.tenantSiren, c.tenantName, c.validUntil from CertificateRecord c where c.number like :p escape '\\' "
                                + "order by c.number desc", Object[].class)
                .setParameter("p", prefix).setFirstResult(first).setMaxResults(max).getResultList();
        List<Hit> hits = rows.stream().map(r -> new Hit(SearchKind.CERTIFICATE, (String) r[0], (String) r[0],
                ((java.time.Instant) r[3]).atZone(fr.gestan.cloud.common.Paris.ZONE).toLocalDate().toString(), (String) r[1], (String) r[2])).toList();
        return new Group(SearchKind.CERTIFICATE, total, first, hits);
    }

    private Group servers(String q, int first, int max) {
        String needle = q.toLowerCase(Locale.ROOT);
        List<ServerView> all = inventory.servers().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
        List<Hit> hits = all.stream().skip(first).limit(max).map(s -> new Hit(SearchKind.SERVER, Long.toString(s.id()), s.name(),
                s.dataCentreCode() + " · " + s.role() + " · " + s.load() + "/" + s.capacity(), null, null)).toList();
        return new Group(SearchKind.SERVER, all.size(), first, hits);
    }

    /** The names of these clients, one query. */
    private Map<String, String> names(Collection<String> sirens) {
        Set<String> distinct = new HashSet<>(sirens);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return tenants.rows(new TenantQuery(null, null, distinct, TenantQuery.Sort.SIREN, true, 0, Math.min(500, distinct.size())))
                .stream().collect(Collectors.toMap(TenantView::siren, TenantView::legalName, (a, b) -> a));
    }
}

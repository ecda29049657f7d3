package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The company names of a page's SIRENs, in one query to the tenants module (at most 1,000 SIRENs a page): what the
 * back office prints beside every SIREN. An unknown SIREN has no entry.
 */
public final class TenantNames {

    private static final int MAX = 500;

    private TenantNames() {
    }

    public static Map<String, String> of(TenantService tenants, Collection<String> sirens) {
        Set<String> distinct = new HashSet<>();
        for (String s : sirens) {
            if (s != null && s.matches("\\d{9}")) {
                distinct.add(s);
            }
        }
        Map<String, String> names = new HashMap<>();
        List<String> all = List.copyOf(distinct);
        for (int i = 0; i < all.size(); i += MAX) { // a recovery plan has a server's tenants (100 or so): one query
            Set<String> chunk = Set.copyOf(all.subList(i, Math.min(all.size(), i + MAX)));
            for (TenantView t : tenants.rows(new TenantQuery(null, null, chunk, TenantQuery.Sort.SIREN, true, 0, chunk.size()))) {
                names.put(t.siren(), t.legalName());
            }
        }
        return names;
    }
}

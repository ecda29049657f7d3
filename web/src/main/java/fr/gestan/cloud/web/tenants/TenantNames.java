package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The company names of a page's SIRENs, what the back office prints beside every SIREN: a view bean injects one,
 * {@link #read reads} the SIRENs it shows in one query to the tenants module (500 SIRENs a query), and prints
 * {@link #of}. An unknown SIREN has no name.
 */
@Dependent
public class TenantNames implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 500;

    @EJB
    TenantService tenants;

    private final Map<String, String> names = new HashMap<>();

    /** Reads the names of {@code sirens}, in place of those read before. */
    public void read(Collection<String> sirens) {
        names.clear();
        add(sirens);
    }

    /** Reads the names of those of {@code sirens} not read yet, keeping the others. */
    public void add(Collection<String> sirens) {
        names.putAll(lookup(tenants, sirens.stream().filter(s -> s == null || !names.containsKey(s)).toList()));
    }

    /**
     * Takes the names {@link #lookup} read elsewhere (in the transaction that read the page, for example), in place of
     * those read before.
     */
    public void use(Map<String, String> read) {
        names.clear();
        names.putAll(read);
    }

    /**
     * The company names of {@code sirens} that the tenants module knows, by SIREN: one query for up to 500 distinct
     * well-formed SIRENs (a malformed one is not asked for).
     */
    public static Map<String, String> lookup(TenantService tenants, Collection<String> sirens) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String s : sirens) {
            if (s != null && s.matches("\\d{9}")) {
                distinct.add(s);
            }
        }
        Map<String, String> found = new HashMap<>();
        List<String> all = List.copyOf(distinct);
        for (int i = 0; i < all.size(); i += MAX) { // a recovery plan has a server's tenants (100 or so): one query
            Set<String> chunk = Set.copyOf(all.subList(i, Math.min(all.size(), i + MAX)));
            for (TenantView t : tenants.rows(new TenantQuery(null, null, chunk, TenantQuery.Sort.SIREN, true, 0, chunk.size()))) {
                found.put(t.siren(), t.legalName());
            }
        }
        return found;
    }

    /** The company name of a SIREN read, or null when the tenants module does not know it. */
    public String of(String siren) {
        return names.get(siren);
    }
}

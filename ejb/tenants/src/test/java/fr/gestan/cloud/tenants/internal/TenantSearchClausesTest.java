package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.TenantQuery;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staff search's statement: a text without letters (a SIREN) compares the names as stored and is sorted by an
 * expression of the name (no walk of the name's index in PostgreSQL's generic plan); a text with letters is matched
 * against the name lowered by the database at each write (V11) and keeps the plain sort; the unfiltered list's count is
 * the count kept per node. The rows found are the same (TenantsIT).
 */
class TenantSearchClausesTest {

    private static TenantQuery query(String text, TenantQuery.Sort sort) {
        return new TenantQuery(text, null, null, sort, true, 0, 25);
    }

    @Test
    void a_siren_is_matched_without_lowering_the_names_and_sorted_off_the_index() {
        Map<String, Object> parameters = new HashMap<>();
        String where = TenantServiceBean.where(query(" 700000003 ", TenantQuery.Sort.LEGAL_NAME), parameters);
        assertTrue(where.contains("(t.legalName like :name"), where);
        assertFalse(where.contains("lower("), where);
        assertEquals("%700000003%", parameters.get("name"));
        assertEquals("700000003%", parameters.get("siren"));
        assertEquals("concat(t.legalName, '')", TenantServiceBean.orderColumn(query("700000003", TenantQuery.Sort.LEGAL_NAME)));
        // digits and punctuation of a name ("Échelle 00042", "n° 12-3") have no case either
        assertEquals("concat(t.legalName, '')", TenantServiceBean.orderColumn(query("00042 - 12_3", TenantQuery.Sort.LEGAL_NAME)));
    }

    @Test
    void a_word_matches_the_lowered_name_the_database_stored_and_keeps_the_sort_by_the_column() {
        Map<String, Object> parameters = new HashMap<>();
        String where = TenantServiceBean.where(query("Société", TenantQuery.Sort.LEGAL_NAME), parameters);
        // lower(legal_name) as stored at the tenant's last write (V11), not lower() of each name at each search
        assertTrue(where.contains("(t.legalNameLower like :name"), where);
        assertFalse(where.contains("lower("), where);
        assertEquals("%société%", parameters.get("name"));
        assertEquals("t.legalName", TenantServiceBean.orderColumn(query("Société", TenantQuery.Sort.LEGAL_NAME)));
        assertEquals("t.legalName", TenantServiceBean.orderColumn(query("a1", TenantQuery.Sort.LEGAL_NAME)));
        // characters with a case that are not letters are matched against the lowered name too
        assertTrue(TenantServiceBean.where(query("Ⅻ", TenantQuery.Sort.LEGAL_NAME), new HashMap<>()).contains("t.legalNameLower like"));
        assertTrue(TenantServiceBean.where(query("Ⓐ", TenantQuery.Sort.LEGAL_NAME), new HashMap<>()).contains("t.legalNameLower like"));
    }

    @Test
    void the_unfiltered_list_is_counted_by_the_count_kept_per_node() {
        assertTrue(TenantServiceBean.unfiltered(query(null, TenantQuery.Sort.LEGAL_NAME)));
        assertTrue(TenantServiceBean.unfiltered(query("  ", TenantQuery.Sort.SIREN)));
        assertFalse(TenantServiceBean.unfiltered(query("Société", TenantQuery.Sort.LEGAL_NAME)));
        assertFalse(TenantServiceBean.unfiltered(new TenantQuery(null, fr.gestan.cloud.tenants.api.TenantState.ACTIVE, null,
                TenantQuery.Sort.LEGAL_NAME, true, 0, 25)));
        assertFalse(TenantServiceBean.unfiltered(new TenantQuery(null, null, java.util.Set.of("700000003"),
                TenantQuery.Sort.LEGAL_NAME, true, 0, 25)));
        // the list's count: the kept count, no statement (the bean has no entity manager here: a query would fail)
        new TenantCountCache.Listener().written(new Object());
        TenantCountCache.get(() -> 10_004L);
        TenantServiceBean bean = new TenantServiceBean();
        assertEquals(10_004, bean.countMatching(query(null, TenantQuery.Sort.LEGAL_NAME)));
        assertEquals(10_004, bean.countMatching(new TenantQuery(null, null, null, TenantQuery.Sort.CREATED_AT, false, 975, 25)));
    }

    @Test
    void other_sorts_and_the_unfiltered_list_keep_their_column() {
        assertEquals("t.siren", TenantServiceBean.orderColumn(query("700000003", TenantQuery.Sort.SIREN)));
        assertEquals("t.legalName", TenantServiceBean.orderColumn(query(null, TenantQuery.Sort.LEGAL_NAME)));
        assertEquals("t.legalName", TenantServiceBean.orderColumn(query("  ", TenantQuery.Sort.LEGAL_NAME)));
        assertEquals(" where 1 = 1", TenantServiceBean.where(query(null, TenantQuery.Sort.LEGAL_NAME), new HashMap<>()));
    }

    @Test
    void a_text_no_name_can_hold_matches_nothing_without_a_statement() {
        // NUL: PostgreSQL refuses it in a text parameter (the search answered a server error); half a surrogate pair:
        // the driver sends it as "?", which matched the names holding one
        for (String text : new String[] {"Soci\u0000t\u00e9", "\u0000", "a\ud800", "\udc00b", "x\ud800\ud800y"}) {
            assertEquals(null, TenantServiceBean.where(query(text, TenantQuery.Sort.LEGAL_NAME), new HashMap<>()), text);
        }
        // a whole pair (an emoji), control characters, wildcards and the escape character are searched as typed
        for (String text : new String[] {"\ud83d\ude00", "a\u0001\u001fb", "%", "_", "\\", "50%_off\\"}) {
            Map<String, Object> parameters = new HashMap<>();
            assertTrue(TenantServiceBean.where(query(text, TenantQuery.Sort.LEGAL_NAME), parameters).contains(" like :name escape"), text);
        }
        Map<String, Object> parameters = new HashMap<>();
        TenantServiceBean.where(query("50%_off\\", TenantQuery.Sort.LEGAL_NAME), parameters);
        assertEquals("%50\\%\\_off\\\\%", parameters.get("name"));
    }
}

package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.BackOfficeSearch;
import fr.gestan.cloud.compliance.api.SearchKind;
import fr.gestan.cloud.compliance.api.SearchResults;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The back office's global search (issue 21, item 5) against the real modules and database: companies by name and
 * SIREN (paginated, counted in the database, wildcards taken literally), contracts by number and by SIREN with their
 * client's name, servers by name, certificates by number prefix, staff and auditors only; and the client summary's
 * per-tenant change requests.
 */
@ExtendWith(ArquillianExtension.class)
class BackOfficeSearchIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(BackOfficeSearchIT.class, "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar");
    }

    @EJB
    BackOfficeSearch search;
    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;

    @Test
    void companies_contracts_and_servers_are_found_grouped_by_kind_and_paginated() throws Exception {
        String token = "Zephyrq" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        List<String> sirens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String siren = Ids.siren();
            sirens.add(siren);
            String name = "Recherche " + token + " " + (char) ('A' + i);
            support.call(() -> tenants.create(Companies.minimal(name, siren)));
        }

        // by name: every kind's first hits, each group counted
        SearchResults all = support.call(() -> search.search(token.toLowerCase(), null, 0, 5));
        SearchResults.Group companies = group(all, SearchKind.COMPANY).orElseThrow();
        assertEquals(12, companies.total());
        assertEquals(5, companies.hits().size());
        assertEquals("Recherche " + token + " A", companies.hits().get(0).label(), "ordered by name");
        assertTrue(group(all, SearchKind.SERVER).isEmpty() && group(all, SearchKind.CONTRACT).isEmpty());

        // one kind's later page
        SearchResults page3 = support.call(() -> search.search(token, SearchKind.COMPANY, 10, 5));
        assertEquals(List.of("Recherche " + token + " K", "Recherche " + token + " L"),
                group(page3, SearchKind.COMPANY).orElseThrow().hits().stream().map(SearchResults.Hit::label).toList());

        // by SIREN: the company and its contracts, with the company's name beside the contract
        String siren = sirens.get(3);
        ContractView contract = support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud", LocalDate.now(), null,
                false, ServiceLevel.STANDARD, null, null, 10)));
        SearchResults bySiren = support.call(() -> search.search(siren, null, 0, 5));
        assertEquals(siren, group(bySiren, SearchKind.COMPANY).orElseThrow().hits().get(0).key());
        SearchResults.Hit contractHit = group(bySiren, SearchKind.CONTRACT).orElseThrow().hits().get(0);
        assertEquals(Long.toString(contract.id()), contractHit.key());
        assertEquals("Recherche " + token + " D", contractHit.tenantName());

        // by contract number (auditors too)
        SearchResults byNumber = auditor.call(() -> search.search(Long.toString(contract.id()), null, 0, 5));
        assertEquals(siren, group(byNumber, SearchKind.CONTRACT).orElseThrow().hits().get(0).tenantSiren());

        // a server by (part of) its name
        SearchResults servers = support.call(() -> search.search("gc-prod", null, 0, 5));
        assertTrue(group(servers, SearchKind.SERVER).orElseThrow().hits().stream().anyMatch(h -> h.label().equals("GC-PROD-01")), servers.toString());

        // wildcards are literal text; an unknown certificate number finds nothing
        assertEquals(0, support.call(() -> search.search("%", null, 0, 5)).total());
        assertEquals(0, support.call(() -> search.search("_", SearchKind.COMPANY, 0, 5)).total());
        assertTrue(group(support.call(() -> search.search("GC-1999-9999", null, 0, 5)), SearchKind.CERTIFICATE).isEmpty());
    }

    @Test
    void only_staff_and_auditors_search_and_bad_input_is_refused() throws Exception {
        assertThrows(EJBAccessException.class, () -> client.call(() -> search.search("Martin", null, 0, 5)));
        assertThrows(Exception.class, () -> support.call(() -> search.search(" ", null, 0, 5)));
        assertThrows(Exception.class, () -> support.call(() -> search.search("x".repeat(101), null, 0, 5)));
        assertThrows(Exception.class, () -> support.call(() -> search.search("Martin", null, 0, 51)));
        // the demo company is found by a part of its name, whatever the case
        SearchResults martin = auditor.call(() -> search.search("boulangerie MARTIN", null, 0, 5));
        assertEquals("842317653", group(martin, SearchKind.COMPANY).orElseThrow().hits().get(0).key());
    }

    @Test
    void the_summary_reads_one_clients_change_requests() throws Exception {
        List<ChangeRequestView> demo = support.call(() -> tenants.changeRequestsOf("842317653", 50));
        assertTrue(demo.stream().allMatch(r -> r.tenantSiren().equals("842317653")), demo.toString());
        assertTrue(support.call(() -> tenants.changeRequestsOf(Ids.siren(), 50)).isEmpty());
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.changeRequestsOf("842317653", 50)));
    }

    private static Optional<SearchResults.Group> group(SearchResults results, SearchKind kind) {
        return results.groups().stream().filter(g -> g.kind() == kind).findFirst();
    }
}

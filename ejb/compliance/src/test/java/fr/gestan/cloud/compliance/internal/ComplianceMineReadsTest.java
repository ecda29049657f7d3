package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.internal.rules.Rules;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client's own evaluation (the client dashboard's compliance tile at each view, the compliance page) reads the
 * caller's record once, from the tenants module's {@code myCompanyRecord} (the company the request already knows, read
 * by its id): not the caller's SIREN and then the record again by SIREN. Its contracts are those of that record.
 */
class ComplianceMineReadsTest {

    private final List<String> asked = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> T recording(Class<T> type, String name, Object answer) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            asked.add(name + "." + m.getName() + (a == null || a.length == 0 ? "" : "(" + a[0] + ")"));
            if (answer instanceof Exception e) {
                throw e;
            }
            return answer;
        });
    }

    /** The reader with its GDPR evidence and reference data left out (they are read as before): what the rules get. */
    private final List<ComplianceFactsReader.TenantDocuments> evaluated = new ArrayList<>();

    private ComplianceEvaluationBean bean(Object ownRecord) {
        ComplianceFactsReader reader = new ComplianceFactsReader() {
            @Override
            public Shared sharedKept(LocalDate on) {
                return BatchPageFactsTest.shared("FR");
            }

            @Override
            public TenantFacts facts(TenantDocuments docs) {
                evaluated.add(docs);
                return facts(docs, new GdprEvidence(java.util.Map.of(), java.util.Map.of()));
            }
        };
        reader.tenants = recording(TenantService.class, "reader", null);
        reader.contracts = recording(HostingContracts.class, "contracts", List.of(PreparedFactsTest.CONTRACT));
        reader.controls = PreparedFactsTest.controls(new java.util.concurrent.atomic.AtomicInteger());
        ComplianceEvaluationBean bean = new ComplianceEvaluationBean();
        bean.reader = reader;
        bean.tenants = recording(TenantService.class, "tenants", ownRecord);
        return bean;
    }

    @Test
    void a_clients_own_evaluation_reads_its_record_once_by_the_callers_link() throws Exception {
        ComplianceReport report = bean(PreparedFactsTest.TENANT).mine();

        assertEquals(List.of("tenants.myCompanyRecord", "contracts.list(842317653)"), asked,
                "the record once, as the caller's own; no read by SIREN; the contracts of that record");
        assertEquals(1, evaluated.size());
        assertEquals(PreparedFactsTest.TENANT, evaluated.get(0).tenant());
        assertEquals("842317653", report.tenantSiren());
        assertEquals(Rules.ALL.size(), report.rules().size(), "every rule evaluated");
    }

    @Test
    void a_client_linked_to_no_company_has_no_report() {
        ComplianceEvaluationBean bean = bean(new TenantNotFoundException("No company is linked to portal user x"));
        assertThrows(TenantNotFoundException.class, bean::mine);
        assertEquals(List.of("tenants.myCompanyRecord"), asked, "nothing else read");
    }
}

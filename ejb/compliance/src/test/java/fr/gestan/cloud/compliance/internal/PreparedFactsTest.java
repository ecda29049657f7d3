package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.ServerAvailabilityView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantState;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A batch page's facts computed on its workers from what the page's reading prepared (issue 19, docs/performance.md
 * 4.40): the same rule inputs and certificate statements as the reader bean gives, without calling it per certificate.
 */
class PreparedFactsTest {

    static final TenantRecord TENANT = new TenantRecord(1, 0, new TenantDetails("Boulangerie Léonie SARL", "842317653", null, null,
            new PostalAddress("12 rue de l'Église", null, "69003", "Lyon", "FR"), new Contact("Léonie Martin", "leonie@example.fr", null),
            null, null, Set.of(HostedDataKind.PERSONAL_DATA_EMPLOYEES)),
            TenantState.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    static final ContractView CONTRACT = new ContractView(42, "842317653", "Gestan ERP Cloud", java.time.LocalDate.of(2026, 1, 1), null, true,
            ServiceLevel.STANDARD, 7, "GC-PROD-01", "DC3", 8, "GC-BKP-01", "DC5", 20, ContractStatus.ACTIVE);
    static final RecoveryPlanView PLAN = new RecoveryPlanView(7, "GC-PROD-01", "DC3", List.of(),
            List.of(new RecoveryPlanView.TenantSlot(1, 42, "842317653", ServiceLevel.STANDARD, 20, 30, 45, null)), 30, 75);
    static final CheckpointView CHECKPOINT = new CheckpointView(3, 12, "ab".repeat(32), Instant.parse("2026-12-06T01:00:00Z"), "key", "sig", null);

    /** A stand-in for a bean the reader calls, counting the calls (and failing the test's expectations if called). */
    @SuppressWarnings("unchecked")
    static <T> T counting(Class<T> type, AtomicInteger calls, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            calls.incrementAndGet();
            return answer;
        });
    }

    private final AtomicInteger plans = new AtomicInteger();
    private final AtomicInteger controls = new AtomicInteger();
    private final AtomicInteger availability = new AtomicInteger();
    private final AtomicInteger journal = new AtomicInteger();

    private ComplianceFactsReader reader() {
        ComplianceFactsReader reader = new ComplianceFactsReader();
        reader.recovery = counting(RecoveryPlans.class, plans, PLAN);
        reader.controls = controls(controls);
        AvailabilityView.Figures figures = new AvailabilityView.Figures(Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400), 86_400, 0, 0, 100.0);
        reader.serverStatus = counting(ServerStatus.class, availability,
                List.of(new ServerAvailabilityView(7, "GC-PROD-01", figures, figures, Instant.EPOCH)));
        reader.journal = counting(JournalIntegrity.class, journal, CHECKPOINT);
        return reader;
    }

    /** A stand-in for the controls, counting the calls: no control of any server (each server asked for, in the map). */
    @SuppressWarnings("unchecked")
    static ServerControls controls(AtomicInteger calls) {
        return (ServerControls) Proxy.newProxyInstance(ServerControls.class.getClassLoader(), new Class<?>[] {ServerControls.class}, (p, m, args) -> {
            calls.incrementAndGet();
            if (m.getName().equals("controlsOfAll")) {
                Map<String, List<ServerControls.ControlView>> all = new java.util.LinkedHashMap<>();
                ((java.util.Collection<String>) args[0]).forEach(server -> all.put(server, List.of()));
                return all;
            }
            return List.of();
        });
    }

    /**
     * Issue 19: a page's tenants hosted on different production servers have those servers' controls read in one call
     * for the page (a few statements whatever their number), not one call per server (eight statements each).
     */
    @Test
    void a_page_spread_over_several_servers_reads_their_controls_in_one_call() {
        ComplianceFactsReader reader = reader();
        ComplianceFactsReader.Shared shared = BatchPageFactsTest.shared("FR");
        List<ComplianceFactsReader.TenantDocuments> page = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ContractView c = new ContractView(40 + i, "84231765" + i, "Gestan ERP Cloud", java.time.LocalDate.of(2026, 1, 1), null, true,
                    ServiceLevel.STANDARD, 7, "GC-PROD-0" + i, "DC3", 8, "GC-BKP-01", "DC5", 20, ContractStatus.ACTIVE);
            page.add(new ComplianceFactsReader.TenantDocuments(TENANT, List.of(c), shared));
        }

        reader.prepare(shared, page);

        assertEquals(1, controls.get(), "one call for the page's three production servers");
        assertEquals(Set.of("GC-PROD-01", "GC-PROD-02", "GC-PROD-03"), shared.controls().keySet());
        page.forEach(docs -> assertNotNull(ComplianceFactsReader.preparedFacts(docs, evidence())));
        reader.prepare(shared.nextPage(), page.subList(0, 1));
        assertEquals(2, controls.get(), "the next page reads its servers' controls again (rule evidence)");
        reader.prepare(shared, page);
        assertEquals(2, controls.get(), "nothing read again for the same page's servers");
    }

    private static ComplianceFactsReader.GdprEvidence evidence() {
        return new ComplianceFactsReader.GdprEvidence(Map.of("842317653", Map.of()), Map.of());
    }

    @Test
    void a_prepared_page_gives_the_readers_facts_without_calling_it() {
        ComplianceFactsReader reader = reader();
        ComplianceFactsReader.Shared shared = BatchPageFactsTest.shared("FR");
        ComplianceFactsReader.TenantDocuments docs = new ComplianceFactsReader.TenantDocuments(TENANT, List.of(CONTRACT), shared);

        reader.prepare(shared, List.of(docs));
        assertEquals(1, plans.get(), "the page's reading reads its production servers' recovery plans");
        assertEquals(1, controls.get());
        int calls = plans.get() + controls.get() + availability.get() + journal.get();

        var facts = ComplianceFactsReader.preparedFacts(docs, evidence());
        CertificateFacts printed = ComplianceFactsReader.preparedCertificate(docs);
        assertNotNull(facts);
        assertNotNull(printed);
        assertEquals(calls, plans.get() + controls.get() + availability.get() + journal.get(), "nothing read per certificate");
        assertEquals(reader.facts(docs, evidence()), facts);
        assertEquals(reader.certificate(docs), printed);
        assertEquals(75, printed.contracts().get(0).recoveryMinutes(), "the contract's place in its server's recovery plan");
        assertEquals(12, printed.checkpoint().seq());
        assertEquals(1, printed.availability().size());
    }

    @Test
    void what_the_page_did_not_prepare_is_left_to_the_reader() {
        ComplianceFactsReader.Shared shared = BatchPageFactsTest.shared("FR");
        ComplianceFactsReader.TenantDocuments docs = new ComplianceFactsReader.TenantDocuments(TENANT, List.of(CONTRACT), shared);
        assertNull(ComplianceFactsReader.preparedFacts(docs, evidence()), "the production server's controls were not read");
        assertNull(ComplianceFactsReader.preparedCertificate(docs), "neither its plan, the figures nor the checkpoint");

        shared.controls().put("GC-PROD-01", List.of());
        shared.plans().put(7L, Optional.of(PLAN));
        shared.checkpoint().set(CHECKPOINT);
        assertNotNull(ComplianceFactsReader.preparedFacts(docs, evidence()));
        assertNull(ComplianceFactsReader.preparedCertificate(docs), "the availability figures were not read");
    }
}

package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.NewSubProcessor;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The list of sub-processors (issue 15) is the one source of /trust and of the rules: the demo's operator and its
 * monitoring contractor are printed and checked; a planned sub-processor is neither printed nor checked before its day.
 */
@ExtendWith(ArquillianExtension.class)
class SubProcessorsIT extends WithRoleCallers {

    private static final String DEMO_CLIENT_SIREN = "842317653";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(SubProcessorsIT.class, "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar");
    }

    @EJB
    SubProcessors subProcessors;
    @EJB
    TrustStatement trust;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    JournalQuery journal;

    private static String trustText(TrustStatement trust, String language) {
        return trust.statement(language).sections().stream().flatMap(s -> s.paragraphs().stream()).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void the_operator_and_the_monitoring_contractor_are_printed_and_checked_from_the_same_list() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        List<SubProcessorView> now = subProcessors.inEffect(today);
        SubProcessorView scaleway = now.stream().filter(s -> s.name().equals("Scaleway SAS")).findFirst().orElseThrow();
        assertEquals(SubProcessorRole.HOSTING_OPERATOR, scaleway.role());
        assertTrue(scaleway.dataCentres().containsAll(List.of("DC3", "DC5")), scaleway::toString);
        SubProcessorView netsyst = now.stream().filter(s -> s.name().equals("Netsyst")).findFirst().orElseThrow();
        assertEquals(SubProcessorRole.SECURITY_MONITORING, netsyst.role());
        assertEquals("Lyon", netsyst.city());

        String fr = trustText(trust, "fr");
        assertTrue(fr.contains("Surveillance de sécurité : Netsyst (SAS), siège : France, Lyon"), fr);
        assertTrue(fr.contains("Hébergeur : Scaleway SAS, siège : France"), fr);
        // rule R4 checks the contractor too, from the same list
        ComplianceReport report = auditor.call(() -> compliance.evaluate(DEMO_CLIENT_SIREN));
        assertTrue(report.rules().stream().filter(r -> r.ruleId().equals("R4-SECNUMCLOUD-19.6")).flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.evidence().startsWith("Netsyst / SECURITY_MONITORING")), report::toString);
    }

    @Test
    void a_planned_sub_processor_is_listed_as_planned_and_neither_printed_nor_checked_before_its_day() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        String name = "Sauvegardes Externes " + Ids.code("SE");
        NewSubProcessor request = new NewSubProcessor(name, "SAS", SubProcessorRole.OTHER, "FR", "Nantes", null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, "stockage de sauvegardes chiffrées", "storage of encrypted backups", today.plusDays(30));
        assertThrows(EJBAccessException.class, () -> support.call(() -> subProcessors.add(request)));
        SubProcessorView planned = admin.call(() -> subProcessors.add(request));
        assertEquals(today.plusDays(30), planned.effectiveFrom());
        assertTrue(support.call(() -> subProcessors.planned(today)).stream().anyMatch(s -> s.id() == planned.id()));
        assertFalse(subProcessors.inEffect(today).stream().anyMatch(s -> s.id() == planned.id()));
        assertTrue(subProcessors.inEffect(today.plusDays(30)).stream().anyMatch(s -> s.id() == planned.id()));
        assertFalse(trustText(trust, "fr").contains(name), "not printed before its day");
        ComplianceReport report = auditor.call(() -> compliance.evaluate(DEMO_CLIENT_SIREN));
        assertTrue(report.rules().stream().flatMap(r -> r.findings().stream()).noneMatch(f -> f.evidence().contains(name)));
        assertTrue(auditor.call(() -> journal.latest(20)).stream().anyMatch(e -> e.action().equals("SUB_PROCESSOR_ADDED")
                && e.target().contains(name) && e.target().contains(today.plusDays(30).toString())));

        // the same name again while it is in effect (open-ended): refused; a hosting operator must be entered first
        HostingRefusedException duplicate = assertThrows(HostingRefusedException.class, () -> admin.call(() -> subProcessors.add(request)));
        assertEquals(HostingRefusedException.Reason.DUPLICATE, duplicate.reason());
        HostingRefusedException unknown = assertThrows(HostingRefusedException.class, () -> admin.call(() -> subProcessors.add(
                new NewSubProcessor("Opérateur Inconnu SAS", null, SubProcessorRole.HOSTING_OPERATOR, "FR", null, null, null, null, null,
                        "hébergement", "hosting", today))));
        assertEquals(HostingRefusedException.Reason.NOT_FOUND, unknown.reason());

        // its last day set: in effect from its first to its last day only
        SubProcessorView ended = admin.call(() -> subProcessors.end(planned.id(), today.plusDays(40), "contrat non renouvelé"));
        assertEquals(today.plusDays(40), ended.effectiveUntil());
        assertFalse(subProcessors.inEffect(today.plusDays(41)).stream().anyMatch(s -> s.id() == planned.id()));
        assertEquals(HostingRefusedException.Reason.END_BEFORE_START, assertThrows(HostingRefusedException.class, () -> admin.call(() ->
                subProcessors.end(planned.id(), today, "trop tôt"))).reason());
    }
}

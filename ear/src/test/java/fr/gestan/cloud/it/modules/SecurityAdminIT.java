package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.AsSupport;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.AgreementRefusedException;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.AgreementView.AgreementState;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.PolicyException;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.Status;
import fr.gestan.cloud.security.api.ControlEvidenceException;
import fr.gestan.cloud.security.api.StaffClearance;
import fr.gestan.cloud.security.api.StaffException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Confidentiality agreements, the credential clearance seam, and the versioned security policy. */
@ExtendWith(ArquillianExtension.class)
class SecurityAdminIT extends WithRoleCallers {

    static final byte[] PDF = SupportClearance.AGREEMENT_PDF;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(SecurityAdminIT.class);
    }

    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    StaffClearance clearance;
    @EJB
    SecurityPolicies policies;
    @EJB
    JournalQuery journal;
    @EJB
    ServerControls controls;

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    @Test
    void support_may_reveal_credentials_only_with_a_valid_agreement_and_refusals_are_journaled() throws Exception {
        // The test caller AsSupport runs as "support.it".
        assertFalse(clearance.mayRevealCredentials("support.it"));
        assertThrows(CredentialClearanceException.class, () -> support.call(() -> {
            clearance.requireCredentialClearance("552100554", "erp-db/admin");
            return null;
        }));
        List<JournalEntryView> refused = auditor.call(() -> journal.ofTenant("552100554", 0, 5));
        assertEquals("SECRET_REVEAL_REFUSED", refused.get(0).action());
        assertEquals("REFUSED", refused.get(0).outcome());

        admin.call(() -> agreements.registerStaff(new NewStaffMember("support.it", "Support IT", "support")));
        assertFalse(clearance.mayRevealCredentials("support.it"), "registered but no agreement yet");
        AgreementView expired = admin.call(() -> agreements.recordAgreement("support.it", today().minusYears(2),
                today().minusDays(1), "old.pdf", PDF));
        assertEquals(AgreementState.EXPIRED, expired.state());
        assertFalse(clearance.mayRevealCredentials("support.it"), "an expired agreement does not clear");

        AgreementView valid = admin.call(() -> agreements.recordAgreement("support.it", today().minusDays(10),
                today().plusDays(20), "accord-support-it.pdf", PDF));
        assertEquals(AgreementState.EXPIRING, valid.state());
        assertTrue(clearance.mayRevealCredentials("support.it"));
        support.call(() -> {
            clearance.requireCredentialClearance("552100554", "erp-db/admin");
            return null;
        });
        // An administrator is not support staff: refused even when registered with an agreement.
        assertThrows(CredentialClearanceException.class, () -> admin.call(() -> {
            clearance.requireCredentialClearance("552100554", "erp-db/admin");
            return null;
        }));

        assertTrue(support.call(agreements::expiringSoon).stream().anyMatch(a -> a.id() == valid.id()),
                "an agreement expiring within 30 days shows on the dashboard");
        assertArrayEquals(PDF, auditor.call(() -> agreements.document(valid.id())));
        assertTrue(auditor.call(() -> journal.latest(5)).stream().anyMatch(e -> e.action().equals("AGREEMENT_DOWNLOADED")));
    }

    @Test
    void uploads_that_are_not_pdf_or_too_large_are_refused_cleanly() throws Exception {
        String username = "support." + Ids.siren();
        admin.call(() -> agreements.registerStaff(new NewStaffMember(username, "Someone", "support")));
        AgreementRefusedException notPdf = assertThrows(AgreementRefusedException.class, () -> admin.call(() ->
                agreements.recordAgreement(username, today(), today().plusYears(1), "accord.pdf",
                        "<html>hello</html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(AgreementRefusedException.Reason.NOT_PDF, notPdf.reason());
        byte[] big = new byte[ConfidentialityAgreements.MAX_DOCUMENT_BYTES + 10];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        AgreementRefusedException tooLarge = assertThrows(AgreementRefusedException.class, () -> admin.call(() ->
                agreements.recordAgreement(username, today(), today().plusYears(1), "accord.pdf", big)));
        assertEquals(AgreementRefusedException.Reason.TOO_LARGE, tooLarge.reason());
        assertTrue(admin.call(() -> agreements.agreementsOf(username)).isEmpty(), "nothing half-written");

        assertThrows(StaffException.class, () -> admin.call(() ->
                agreements.registerStaff(new NewStaffMember(username, "Again", "support"))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(assertThrows(EJBException.class, () -> admin.call(() ->
                agreements.registerStaff(new NewStaffMember("Bad Name!", "x", "support"))))));
        assertThrows(EJBAccessException.class, () -> auditor.call(() ->
                agreements.registerStaff(new NewStaffMember("someone.else", "x", "support"))));
        assertThrows(EJBAccessException.class, () -> client.call(agreements::expiringSoon));
    }

    @Test
    void the_policy_is_versioned_with_who_changed_what_and_when_it_applies() throws Exception {
        PolicyVersionView current = policies.current();
        assertTrue(current.version() >= 1);
        PolicySettings s = current.settings();
        PolicySettings stricter = new PolicySettings(s.bruteForceFailureFactor() == 5 ? 4 : 5, s.bruteForceWaitIncrementSeconds(),
                s.bruteForceMaxWaitSeconds(), s.bruteForceMaxDeltaSeconds(), s.bruteForcePermanentLockout(),
                s.credentialMinLength() + 1, s.credentialMinClasses(), s.sessionTimeoutMinutes(), s.tlsRequired(),
                s.backupEveryHours(), s.backupRetentionDays(), s.snapshotBeforeUpdate(), s.monitorCpuPercent(), s.monitorDiskPercent());

        PolicyVersionView later = admin.call(() -> policies.change(stricter, Instant.now().plusSeconds(3600), "from next hour"));
        assertEquals(current.version(), policies.current().version(), "a future version is not yet in effect");
        assertEquals(2, later.changes().size(), later.changes()::toString);

        PolicyVersionView now = admin.call(() -> policies.change(stricter, null, "CNIL audit"));
        assertEquals(later.version() + 1, now.version());
        // Same settings as the version before it (the future one): nothing changed.
        assertTrue(now.changes().isEmpty() || now.changes().size() == 0);
        assertEquals(now.version(), policies.current().version());
        assertEquals("admin.it", now.createdBy());

        List<PolicyVersionView> history = auditor.call(() -> policies.history(0, 10));
        assertEquals(now.version(), history.get(0).version());
        assertTrue(history.stream().anyMatch(v -> v.changes().stream().anyMatch(c -> c.setting().equals("credentialMinLength")
                && c.before().equals(Integer.toString(s.credentialMinLength())))), history::toString);
        assertTrue(auditor.call(() -> journal.latest(5)).stream().anyMatch(e -> e.action().equals("POLICY_CHANGED")
                && e.actor().equals("admin.it") && e.reason().contains("credentialMinLength")));

        PolicyException past = assertThrows(PolicyException.class, () -> admin.call(() ->
                policies.change(s, Instant.now().minusSeconds(7200), "backdated")));
        assertEquals(PolicyException.Reason.EFFECTIVE_IN_PAST, past.reason());
        assertInstanceOf(ConstraintViolationException.class, rootOf(assertThrows(EJBException.class, () -> admin.call(() ->
                policies.change(new PolicySettings(1, 60, 900, 43200, false, 8, 4, 30, true, 24, 30, true, 85, 80), null, "too weak")))));
        assertThrows(EJBAccessException.class, () -> support.call(() -> policies.change(stricter, null, "not mine")));
    }

    @Test
    void controls_get_their_status_from_evidence_and_an_update_needs_its_snapshot() throws Exception {
        String server = "gc-par2-" + Ids.siren();
        Instant now = Instant.now();
        assertEquals(Status.FAILING, statusOf(server, Control.BACKUP), "no backup at all");
        support.call(() -> controls.recordBackup(server, now.minusSeconds(3600), 123_456_789L, "fr-par-2", false));
        assertEquals(Status.FAILING, statusOf(server, Control.BACKUP), "an unverified backup does not count");
        assertTrue(support.call(() -> controls.failing()).stream().anyMatch(c -> c.serverRef().equals(server)
                && c.control() == Control.BACKUP), "a failing control is listed for the dashboard");
        support.call(() -> controls.recordBackup(server, now.minusSeconds(1800), 123_456_789L, "fr-par-2", true));
        assertEquals(Status.OK, statusOf(server, Control.BACKUP));
        assertTrue(support.call(() -> controls.failing()).stream().noneMatch(c -> c.serverRef().equals(server)
                && c.control() == Control.BACKUP));

        assertThrows(ControlEvidenceException.class, () -> support.call(() ->
                controls.recordSoftwareUpdate(server, null, now, "ERP 2026.11")));
        assertThrows(ControlEvidenceException.class, () -> support.call(() ->
                controls.recordSoftwareUpdate(server, "snap-unknown", now, "ERP 2026.11")));
        support.call(() -> controls.recordSnapshot(server, "snap-42", now.minusSeconds(600)));
        support.call(() -> controls.recordSoftwareUpdate(server, "snap-42", now, "ERP 2026.11"));
        assertEquals(Status.OK, statusOf(server, Control.UPDATE_SNAPSHOT));

        support.call(() -> controls.recordFirewallChange(server, now, "open 443 to the load balancer"));
        // firewall and DDoS rest on machine evidence (MachineEvidenceIT): a declaration alone is no evidence
        assertEquals(Status.NO_EVIDENCE, statusOf(server, Control.FIREWALL));
        assertEquals(Status.NO_EVIDENCE, statusOf(server, Control.DDOS));
        assertEquals(5, auditor.call(() -> controls.evidenceOf(server, 50)).size());
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> controls.recordDdosEvent(server, now, "x")));
        assertTrue(auditor.call(() -> journal.latest(10)).stream().anyMatch(e -> e.action().equals("SOFTWARE_UPDATE_RECORDED")
                && e.target().contains("snap-42")));
    }

    private Status statusOf(String server, Control control) throws Exception {
        return auditor.call(() -> controls.controlsOf(server)).stream().filter(c -> c.control() == control)
                .findFirst().orElseThrow().status();
    }
}

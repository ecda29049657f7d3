package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEvents;
import fr.gestan.cloud.hosting.api.AgentReceipt;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.EvidenceView;
import fr.gestan.cloud.security.api.ServerControls.Source;
import fr.gestan.cloud.security.api.ServerControls.Status;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Machine evidence feeds the controls (issue 15): what a server's agent and the monitoring contractor report through
 * the agent API (firewall rule sets, DDoS attacks, backups, updates) is what the security module's controls rest
 * on; a control with no machine evidence shows "no evidence", even when staff declared something.
 */
@ExtendWith(ArquillianExtension.class)
class MachineEvidenceIT extends WithRoleCallers {

    private static final String CONTRACTOR_TOKEN = "demo-reporter-token-netsyst";
    private static final String RULES_A = "a58567d378fd5f5d40a7cb594ca5aec9c83604a5657e84ef3daa7c1252868dda";
    private static final String RULES_B = "0".repeat(63) + "1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(MachineEvidenceIT.class, "gestan-hosting.jar", "gestan-tenants.jar");
    }

    @EJB
    HostingInventory inventory;
    @EJB
    AgentEvents agentEvents;
    @EJB
    ServerControls controls;
    @EJB
    JournalQuery journal;

    private record Server(String name, String token) {
    }

    private Server newServer() throws Exception {
        String name = Ids.code("EV-");
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        return new Server(name, admin.call(() -> inventory.issueMonitoringToken(server.id())));
    }

    private static AgentEvent event(String kind, Instant at, String... fields) {
        Map<String, String> map = new HashMap<>();
        map.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return new AgentEvent(kind + "-" + java.util.UUID.randomUUID(), kind, map);
    }

    private static Instant ago(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES);
    }

    private ControlView control(String server, Control control) throws Exception {
        return auditor.call(() -> controls.controlsOf(server)).stream().filter(c -> c.control() == control).findFirst().orElseThrow();
    }

    private static AgentReceipt.Result only(AgentReceipt receipt) {
        assertEquals(1, receipt.accepted(), receipt::toString);
        return receipt.events().get(0);
    }

    @Test
    void the_firewall_control_compares_the_rule_set_the_server_reports_with_the_approved_one() throws Exception {
        Server s = newServer();
        ControlView nothing = control(s.name(), Control.FIREWALL);
        assertEquals(Status.NO_EVIDENCE, nothing.status(), "nothing reported: not passing");
        assertEquals("firewall.none", nothing.reason());
        support.call(() -> controls.recordFirewallChange(s.name(), Instant.now(), "opened 443"));
        ControlView declared = control(s.name(), Control.FIREWALL);
        assertEquals(Status.NO_EVIDENCE, declared.status(), "a change typed by staff proves no rule set");
        assertEquals("firewall.declaredOnly", declared.reason());

        AgentReceipt.Result unapproved = only(agentEvents.receive(s.token(), List.of(event("firewall_applied", ago(10), "ruleSetSha256", RULES_A))));
        assertEquals("ATTENTION", unapproved.verdict());
        assertEquals("firewall-unapproved", unapproved.reason());
        support.call(() -> controls.approveFirewallRuleSet(s.name(), RULES_A));
        ControlView approved = control(s.name(), Control.FIREWALL);
        assertEquals(Status.OK, approved.status());
        assertEquals(Source.REPORTED, approved.source());
        assertTrue(auditor.call(() -> journal.latest(20)).stream().anyMatch(e -> e.action().equals("FIREWALL_RULES_APPROVED")
                && e.target().contains(s.name()) && e.target().contains(RULES_A)));

        AgentReceipt.Result drift = only(agentEvents.receive(s.token(), List.of(event("firewall_applied", ago(1), "ruleSetSha256", RULES_B))));
        assertEquals("FAILING", drift.verdict());
        assertEquals("firewall-drift", drift.reason());
        assertEquals(Status.FAILING, control(s.name(), Control.FIREWALL).status());
        assertEquals("firewall.drift", control(s.name(), Control.FIREWALL).reason());

        // the evidence says who stands behind it: the server for what it reported, the staff member for the rest
        List<EvidenceView> evidence = auditor.call(() -> controls.evidenceOf(s.name(), 50));
        assertTrue(evidence.stream().anyMatch(e -> e.source() == Source.REPORTED && e.recordedBy().equals("server:" + s.name())
                && RULES_B.equals(e.digest())), evidence::toString);
        assertTrue(evidence.stream().anyMatch(e -> e.declared() && e.recordedBy().equals("support.it") && e.kind().equals("FIREWALL_CHANGE")),
                evidence::toString);

        EJBException malformed = assertThrows(EJBException.class, () -> support.call(() ->
                controls.approveFirewallRuleSet(s.name(), RULES_A.toUpperCase())));
        assertInstanceOf(ConstraintViolationException.class, rootOf(malformed));
    }

    @Test
    void a_ddos_attack_mitigated_later_than_the_policy_allows_fails_the_control() throws Exception {
        Server s = newServer();
        assertEquals(Status.NO_EVIDENCE, control(s.name(), Control.DDOS).status(), "no watch reported: not passing");
        // a server cannot see the attacks stopped upstream: only the contractor (or the operator) reports them
        AgentEventRejectedException own = assertThrows(AgentEventRejectedException.class, () ->
                agentEvents.receive(s.token(), List.of(event("ddos", ago(60)))));
        assertEquals(403, own.status());

        AgentReceipt.Result quick = only(agentEvents.receive(CONTRACTOR_TOKEN, List.of(event("ddos", ago(180), "server", s.name(),
                "mitigatedAt", ago(120).truncatedTo(ChronoUnit.SECONDS).toString(), "vector", "UDP flood"))));
        assertEquals("OK", quick.verdict(), "mitigated in 1 h, the policy allows 4 h");
        ControlView recent = control(s.name(), Control.DDOS);
        assertEquals(Status.ATTENTION, recent.status());
        assertEquals("ddos.recent", recent.reason());

        AgentReceipt.Result slow = only(agentEvents.receive(CONTRACTOR_TOKEN, List.of(event("ddos", ago(600), "server", s.name(),
                "mitigatedAt", ago(300).truncatedTo(ChronoUnit.SECONDS).toString()))));
        assertEquals("FAILING", slow.verdict());
        assertEquals("ddos-slow-mitigation", slow.reason());
        ControlView failing = control(s.name(), Control.DDOS);
        assertEquals(Status.FAILING, failing.status());
        assertEquals("ddos.slowMitigation", failing.reason());
        assertTrue(auditor.call(() -> controls.evidenceOf(s.name(), 10)).stream().anyMatch(e ->
                e.recordedBy().equals("subprocessor:Netsyst") && e.mitigatedAt() != null));
    }

    @Test
    void reported_backups_and_updates_feed_their_controls_and_a_backup_in_the_wrong_place_does_not_count() throws Exception {
        Server s = newServer();
        assertEquals(Status.NO_EVIDENCE, control(s.name(), Control.UPDATE_SNAPSHOT).status());
        only(agentEvents.receive(s.token(), List.of(event("backup", ago(30), "tool", "restic", "bytes", "1024", "archiveId", "a1",
                "verified", "true", "targetDataCentre", "DC3"))));
        assertEquals(Status.FAILING, control(s.name(), Control.BACKUP).status(), "a backup in the production site is no backup");
        only(agentEvents.receive(s.token(), List.of(event("backup", ago(20), "tool", "restic", "bytes", "1024", "archiveId", "a2",
                "verified", "true", "targetDataCentre", "DC5"))));
        ControlView backup = control(s.name(), Control.BACKUP);
        assertEquals(Status.OK, backup.status());
        assertEquals(Source.REPORTED, backup.source());

        only(agentEvents.receive(s.token(), List.of(event("software_update", ago(5), "packages", "openssl 3.0.15"))));
        assertEquals(Status.FAILING, control(s.name(), Control.UPDATE_SNAPSHOT).status(), "no snapshot reported before the update");
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

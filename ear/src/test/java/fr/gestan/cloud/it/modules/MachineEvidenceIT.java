package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEvents;
import fr.gestan.cloud.hosting.api.AgentReceipt;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.CaughtMail;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.notifications.api.NotificationDesk;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.EvidenceView;
import fr.gestan.cloud.security.api.ServerControls.Source;
import fr.gestan.cloud.security.api.ServerControls.Status;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
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
        // Hibernate's API: the controls' statements are counted
        EnterpriseArchive ear = Deployments.withHibernate(Deployments.modules(MachineEvidenceIT.class, "gestan-hosting.jar", "gestan-tenants.jar"));
        ear.getAsType(org.jboss.shrinkwrap.api.spec.WebArchive.class, "it.war").addClasses(CaughtMail.class);
        return ear;
    }

    @jakarta.persistence.PersistenceUnit(unitName = "security")
    jakarta.persistence.EntityManagerFactory securityUnit;

    @EJB
    HostingInventory inventory;
    @EJB
    AgentEvents agentEvents;
    @EJB
    ServerControls controls;
    @EJB
    JournalQuery journal;
    @EJB
    ServerIdentities identities;
    @EJB
    ServerStatus serverStatus;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    NotificationDesk desk;

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

        AgentReceipt.Result update = only(agentEvents.receive(s.token(), List.of(event("software_update", ago(5), "packages", "openssl 3.0.15"))));
        assertEquals("FAILING", update.verdict());
        assertEquals("update-without-snapshot", update.reason());
        assertEquals(Status.FAILING, control(s.name(), Control.UPDATE_SNAPSHOT).status(), "no snapshot reported before the update");
    }

    /**
     * Issue 19: a certificate batch page reads the controls of all its production servers at once. Each server gets
     * what it gets alone, whatever the others' evidence, in the same statements whether one server is asked for or four.
     */
    @Test
    void the_controls_of_several_servers_are_each_servers_own_in_statements_independent_of_their_number() throws Exception {
        Server drift = newServer();
        support.call(() -> controls.recordFirewallChange(drift.name(), Instant.now(), "opened 443"));
        only(agentEvents.receive(drift.token(), List.of(event("firewall_applied", ago(10), "ruleSetSha256", RULES_A))));
        support.call(() -> controls.approveFirewallRuleSet(drift.name(), RULES_A));
        only(agentEvents.receive(drift.token(), List.of(event("firewall_applied", ago(1), "ruleSetSha256", RULES_B))));
        Server attacked = newServer();
        only(agentEvents.receive(CONTRACTOR_TOKEN, List.of(event("ddos", ago(600), "server", attacked.name(),
                "mitigatedAt", ago(300).truncatedTo(ChronoUnit.SECONDS).toString()))));
        support.call(() -> controls.recordFirewallChange(attacked.name(), Instant.now(), "declared only"));
        Server backedUp = newServer();
        only(agentEvents.receive(backedUp.token(), List.of(event("backup", ago(30), "tool", "restic", "bytes", "1024", "archiveId", "a1",
                "verified", "true", "targetDataCentre", "DC5"))));
        support.call(() -> controls.recordBackup(backedUp.name(), ago(10), 2048, "DC5", false));
        only(agentEvents.receive(backedUp.token(), List.of(event("software_update", ago(5), "packages", "openssl 3.0.15"))));
        Server nothing = newServer();
        List<String> servers = List.of(drift.name(), attacked.name(), backedUp.name(), nothing.name());

        Map<String, List<ControlView>> all = auditor.call(() -> controls.controlsOfAll(servers));
        assertEquals(servers, List.copyOf(all.keySet()));
        for (String server : servers) {
            assertEquals(auditor.call(() -> controls.controlsOf(server)), all.get(server), server);
        }
        assertEquals(Status.FAILING, all.get(drift.name()).get(2).status(), "the drift: " + all.get(drift.name()));
        assertEquals("ddos.slowMitigation", all.get(attacked.name()).get(3).reason());
        assertEquals("firewall.declaredOnly", all.get(attacked.name()).get(2).reason());
        assertEquals(Status.OK, all.get(backedUp.name()).get(0).status(), "the verified backup counts, not the newer unverified one");
        assertEquals("update.withoutSnapshot", all.get(backedUp.name()).get(1).reason());
        assertEquals(Status.NO_EVIDENCE, all.get(nothing.name()).get(2).status());

        org.hibernate.stat.Statistics statistics = securityUnit.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        long one = Long.MAX_VALUE;
        long four = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) { // the fewest of three: the module's timers may run meanwhile
            long before = statistics.getPrepareStatementCount();
            auditor.call(() -> controls.controlsOfAll(servers.subList(0, 1)));
            long middle = statistics.getPrepareStatementCount();
            auditor.call(() -> controls.controlsOfAll(servers));
            one = Math.min(one, middle - before);
            four = Math.min(four, statistics.getPrepareStatementCount() - middle);
        }
        System.out.println("MachineEvidenceIT: the controls' statements, 1 server: " + one + ", 4 servers: " + four);
        assertEquals(one, four, "the same statements for four servers as for one");
        assertTrue(four <= 5, "four statements and the policy: " + four);
    }

    @Test
    void a_server_sign_in_is_matched_to_the_staff_and_an_unknown_or_uncleared_identity_raises_an_alert() throws Exception {
        Server s = newServer();
        String u = Ids.code("");
        // a cleared support member (agreement valid today) with a unix login and an SSH key; an auditor with a login
        String supportName = "sup" + u;
        String auditorName = "aud" + u;
        String key = "SHA256:" + java.util.UUID.randomUUID().toString().replace("-", "");
        admin.call(() -> agreements.registerStaff(new NewStaffMember(supportName, "Support " + u, "support")));
        LocalDate today = LocalDate.now(Paris.ZONE);
        admin.call(() -> agreements.recordAgreement(supportName, today.minusDays(1), today.plusYears(1), "accord.pdf", SupportClearance.AGREEMENT_PDF));
        admin.call(() -> agreements.registerStaff(new NewStaffMember(auditorName, "Auditor " + u, "auditor")));
        admin.call(() -> identities.add(supportName, ServerIdentities.Kind.UNIX_LOGIN, "s" + u));
        admin.call(() -> identities.add(supportName, ServerIdentities.Kind.SSH_KEY, key));
        admin.call(() -> identities.add(auditorName, ServerIdentities.Kind.UNIX_LOGIN, "a" + u));
        assertEquals(StaffException.Reason.DUPLICATE, assertThrows(StaffException.class, () -> admin.call(() ->
                identities.add(auditorName, ServerIdentities.Kind.UNIX_LOGIN, "s" + u))).reason(), "one identity, one person");
        assertThrows(EJBAccessException.class, () -> support.call(() -> identities.add(supportName, ServerIdentities.Kind.UNIX_LOGIN, "x" + u)));

        AgentReceipt.Result known = only(agentEvents.receive(s.token(), List.of(event("server_access", ago(30), "account", "s" + u,
                "address", "198.51.100.4", "method", "ssh"))));
        assertEquals("OK", known.verdict());
        // root, but with the support member's key: it is the support member
        AgentReceipt.Result byKey = only(agentEvents.receive(s.token(), List.of(event("server_access", ago(25), "account", "root",
                "keyFingerprint", key, "address", "198.51.100.4", "method", "ssh"))));
        assertEquals("OK", byKey.verdict());
        AgentReceipt.Result notSupport = only(agentEvents.receive(s.token(), List.of(event("server_access", ago(20), "account", "a" + u,
                "address", "198.51.100.5", "method", "ssh"))));
        assertEquals("FAILING", notSupport.verdict());
        assertEquals("not-cleared-support", notSupport.reason());
        AgentReceipt.Result unknown = only(agentEvents.receive(s.token(), List.of(event("server_access", ago(10), "account", "intruder" + u,
                "address", "203.0.113.66", "method", "ssh"))));
        assertEquals("FAILING", unknown.verdict());
        assertEquals("unknown-identity", unknown.reason());

        List<ServerIdentities.AlertView> open = auditor.call(() -> identities.openAlerts(200));
        ServerIdentities.AlertView alert = open.stream().filter(a -> a.account().equals("intruder" + u)).findFirst().orElseThrow();
        assertEquals(ServerIdentities.AlertReason.UNKNOWN_IDENTITY, alert.reason());
        assertEquals(s.name(), alert.serverRef());
        assertTrue(open.stream().anyMatch(a -> a.account().equals("a" + u) && auditorName.equals(a.matchedUsername())
                && a.reason() == ServerIdentities.AlertReason.NOT_CLEARED_SUPPORT));
        assertTrue(open.stream().noneMatch(a -> a.account().equals("s" + u) || a.account().equals("root") && key.equals(a.keyFingerprint())));
        // each alert also goes out by mail to the on-call address, through the outbox (nothing for a cleared sign-in)
        assertTrue(support.call(desk::deliverNow) >= 0, "this node holds the sender's lease");
        List<CaughtMail> mails = CaughtMail.to("oncall@gestan.localhost").stream().filter(m -> m.subject().contains(s.name())).toList();
        CaughtMail intruder = mails.stream().filter(m -> m.subject().contains("intruder" + u + "@203.0.113.66")).findFirst().orElseThrow(() -> new AssertionError(mails));
        assertTrue(intruder.subject().contains("Alerte : connexion à " + s.name()) && intruder.subject().contains("identité inconnue"), intruder.subject());
        assertTrue(intruder.text().contains("unknown identity, matching no staff member"), intruder.text());
        assertTrue(intruder.text().contains("/admin/"), intruder.text());
        CaughtMail uncleared = mails.stream().filter(m -> m.subject().contains("a" + u + "@198.51.100.5")).findFirst().orElseThrow(() -> new AssertionError(mails));
        assertTrue(uncleared.text().contains("membre rattaché : " + auditorName), uncleared.text());
        assertEquals(2, mails.size(), "one mail per alert, none for the cleared support member's sign-ins: " + mails);
        // journaled with the server as actor, and the sign-in names the staff member it matched
        assertTrue(auditor.call(() -> journal.latest(30)).stream().anyMatch(e -> e.action().equals("SERVER_ACCESS_ALERT")
                && e.actor().equals("server:" + s.name()) && e.target().contains("intruder" + u)));

        assertThrows(EJBAccessException.class, () -> auditor.call(() -> identities.acknowledge(alert.id(), "x")));
        ServerIdentities.AlertView closed = support.call(() -> identities.acknowledge(alert.id(), "prestataire Netsyst, ticket 4521"));
        assertEquals("support.it", closed.acknowledgedBy());
        assertTrue(auditor.call(() -> identities.openAlerts(200)).stream().noneMatch(a -> a.id() == alert.id()));
    }

    @Test
    void availability_per_contract_comes_from_the_reports_with_the_unmonitored_time_apart() throws Exception {
        List<AvailabilityView> mine = client.call(() -> serverStatus.myAvailability());
        assertTrue(!mine.isEmpty() && mine.stream().allMatch(a -> a.tenantSiren().equals("842317653")), mine::toString);
        AvailabilityView a = mine.get(0);
        assertEquals("GC-PROD-01", a.server());
        // the test database holds days of reports at most: most of the 12 months is unmonitored, not "up"
        assertTrue(a.year().unmonitoredSeconds() > a.year().seconds() / 2, a::toString);
        assertTrue(a.year().seconds() >= 365L * 86400, a::toString);
        assertEquals(mine.size(), support.call(() -> serverStatus.availabilityOf("842317653")).size());
        assertThrows(EJBAccessException.class, () -> client.call(() -> serverStatus.availabilityOf("842317653")));
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.DuplicateDataCentreException;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.NewDataCentre;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.MaintenanceState;
import fr.gestan.cloud.hosting.api.MaintenanceView;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricsReceipt;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.NewDrill;
import fr.gestan.cloud.hosting.api.NewIncident;
import fr.gestan.cloud.hosting.api.NewMaintenance;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hosting module against the real server and database. */
@ExtendWith(ArquillianExtension.class)
class ContractsIT extends WithRoleCallers {

    private static final String DEMO_CLIENT_SIREN = "842317653";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ContractsIT.class, "gestan-hosting.jar", "gestan-tenants.jar");
    }

    @EJB
    HostingInventory inventory;
    @EJB
    HostingContracts contracts;
    @EJB
    RecoveryPlans plans;
    @EJB
    ServerStatus status;
    @EJB
    Monitoring monitoring;
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Test
    void the_demo_sites_of_the_offer_are_there() throws Exception {
        List<DataCentreView> sites = client.call(inventory::dataCentres);
        assertTrue(sites.stream().anyMatch(d -> d.code().equals("DC3") && d.city().equals("Vitry-sur-Seine")), sites::toString);
        assertTrue(sites.stream().anyMatch(d -> d.code().equals("DC5") && d.city().equals("Saint-Ouen-l'Aumône")), sites::toString);
        assertTrue(sites.stream().filter(d -> d.code().equals("DC3")).findFirst().orElseThrow()
                .certifications().stream().anyMatch(c -> c.name().equals("ISO/IEC 27001")), sites::toString);
        OperatorView scaleway = client.call(inventory::operators).stream()
                .filter(o -> o.legalName().equals("Scaleway SAS")).findFirst().orElseThrow();
        assertEquals("FR", scaleway.headOfficeCountry());
        assertEquals("Groupe Iliad", scaleway.parentGroup());
        List<ServerView> servers = support.call(inventory::servers);
        ServerView prod1 = servers.stream().filter(s -> s.name().equals("GC-PROD-01")).findFirst().orElseThrow();
        assertEquals("DC3", prod1.dataCentreCode());
        assertEquals(100, prod1.capacity());
        assertTrue(prod1.load() >= 42, prod1::toString);
        assertTrue(servers.stream().anyMatch(s -> s.role() == ServerRole.BACKUP && s.dataCentreCode().equals("DC5")));
    }

    @Test
    void an_admin_adds_a_data_centre_that_is_stored() throws Exception {
        String code = Ids.code("PAR");
        DataCentreView added = admin.call(() -> inventory.addDataCentre(new NewDataCentre(code.toLowerCase(), "Paris", "FR", "Scaleway SAS")));
        assertEquals(code, added.code());
        assertTrue(support.call(inventory::dataCentres).stream().anyMatch(d -> d.code().equals(code) && d.city().equals("Paris")));
        assertThrows(DuplicateDataCentreException.class,
                () -> admin.call(() -> inventory.addDataCentre(new NewDataCentre(code, "Paris", "FR", "Scaleway SAS"))));
        DataCentreView certified = admin.call(() -> inventory.addCertification(code, "ISO/IEC 27001", "AFNOR", LocalDate.of(2030, 1, 1)));
        assertEquals(1, certified.certifications().size());
    }

    @Test
    void only_admins_add_and_only_signed_in_users_list() {
        NewDataCentre dc = new NewDataCentre(Ids.code("X"), "Lyon", "FR", "Netsyst");
        assertThrows(EJBAccessException.class, () -> support.call(() -> inventory.addDataCentre(dc)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> inventory.addDataCentre(dc)));
        assertThrows(EJBAccessException.class, () -> inventory.dataCentres());
        assertThrows(EJBAccessException.class, () -> client.call(inventory::servers));
        assertThrows(EJBAccessException.class, () -> client.call(() -> contracts.list(null, 0, 10)));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> contracts.activate(1)));
        assertThrows(EJBAccessException.class, () -> support.call(() -> inventory.issueMonitoringToken(1)));
    }

    @Test
    void a_contract_is_placed_on_the_least_loaded_server_and_goes_through_its_lifecycle() throws Exception {
        ServerView proposed = support.call(contracts::proposePlacement);
        List<ServerView> production = support.call(inventory::servers).stream().filter(s -> s.role() == ServerRole.PRODUCTION).toList();
        double least = production.stream().filter(ServerView::hasRoom).mapToDouble(s -> (double) s.load() / s.capacity()).min().orElseThrow();
        assertEquals(least, (double) proposed.load() / proposed.capacity(), 1e-9);

        String siren = Ids.siren();
        ContractView draft = support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1),
                null, true, ServiceLevel.PREMIUM, null, null, 30)));
        assertEquals(ContractStatus.DRAFT, draft.status());
        assertEquals(proposed.id(), draft.productionServerId());
        assertFalse(draft.productionDataCentre().equals(draft.backupDataCentre()));

        ContractView active = support.call(() -> contracts.activate(draft.id()));
        assertEquals(ContractStatus.ACTIVE, active.status());
        HostingRefusedException again = assertThrows(HostingRefusedException.class, () -> support.call(() -> contracts.activate(draft.id())));
        assertEquals(Reason.ILLEGAL_TRANSITION, again.reason());

        ServerView target = production.stream().filter(s -> s.id() != draft.productionServerId() && s.hasRoom()).findFirst().orElseThrow();
        ContractView moved = admin.call(() -> contracts.move(draft.id(), target.id(), "load balancing"));
        assertEquals(target.id(), moved.productionServerId());

        ContractView ended = support.call(() -> contracts.terminate(draft.id(), "client left"));
        assertEquals(ContractStatus.TERMINATED, ended.status());
        var history = auditor.call(() -> contracts.history(draft.id()));
        assertEquals(List.of("CREATED", "ACTIVATED", "MOVED", "TERMINATED"), history.stream().map(e -> e.kind()).toList());
        assertTrue(history.get(2).detail().contains("load balancing") && history.get(2).actor().startsWith("admin"), history::toString);
        assertEquals(1, support.call(() -> contracts.count(siren)));
    }

    @Test
    void bad_contracts_are_refused_and_nothing_is_written() throws Exception {
        String siren = Ids.siren();
        List<ServerView> servers = support.call(inventory::servers);
        ServerView prod = servers.stream().filter(s -> s.name().equals("GC-PROD-02")).findFirst().orElseThrow();
        ServerView prodBackupSameSite = servers.stream().filter(s -> s.role() == ServerRole.PRODUCTION && s.id() != prod.id()).findFirst().orElseThrow();
        String sameSiteBackup = Ids.code("BKP-DC3-");
        ServerView dc3Backup = admin.call(() -> inventory.addServer(new NewServer(sameSiteBackup, "DC3", ServerRole.BACKUP, null, null)));
        assertEquals(100, dc3Backup.capacity());

        assertEquals(Reason.BACKUP_SAME_SITE, refusal(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 1, 1), null,
                false, ServiceLevel.STANDARD, prod.id(), dc3Backup.id(), 10))));
        assertEquals(Reason.WRONG_ROLE, refusal(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 1, 1), null,
                false, ServiceLevel.STANDARD, prod.id(), prodBackupSameSite.id(), 10))));
        assertEquals(Reason.END_BEFORE_START, refusal(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 1, 1),
                LocalDate.of(2025, 1, 1), false, ServiceLevel.STANDARD, null, null, 10))));
        assertEquals(0, support.call(() -> contracts.count(siren)), "nothing half-written");

        support.call(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                false, ServiceLevel.STANDARD, null, null, 10)));
        assertEquals(Reason.OVERLAPPING_CONTRACT, refusal(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 6, 1),
                null, false, ServiceLevel.STANDARD, null, null, 10))));
        // another offer, or after the end, is fine
        support.call(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2027, 1, 1), null, false, ServiceLevel.STANDARD, null, null, 10)));
        assertEquals(2, support.call(() -> contracts.count(siren)));

        // a full server is refused with a clear reason
        String tiny = Ids.code("TINY-");
        ServerView small = admin.call(() -> inventory.addServer(new NewServer(tiny, "DC3", ServerRole.PRODUCTION, null, 1)));
        support.call(() -> contracts.create(new NewContract(Ids.siren(), "ERP", LocalDate.of(2026, 1, 1), null, false, ServiceLevel.STANDARD, small.id(), null, 1)));
        String other = Ids.siren();
        assertEquals(Reason.SERVER_FULL, refusal(() -> contracts.create(new NewContract(other, "ERP", LocalDate.of(2026, 1, 1), null,
                false, ServiceLevel.STANDARD, small.id(), null, 1))));
        assertEquals(0, support.call(() -> contracts.count(other)));

        EJBException invalid = assertThrows(EJBException.class, () -> support.call(() -> contracts.create(new NewContract("12", "", null, null,
                false, null, null, null, -1))));
        Throwable root = invalid;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        assertTrue(root instanceof jakarta.validation.ConstraintViolationException, invalid::toString);
    }

    @Test
    void concurrent_creations_for_one_tenant_cannot_both_pass_the_overlap_check() throws Exception {
        String siren = Ids.siren();
        int attempts = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            results.add(executor.submit(() -> {
                start.await();
                try {
                    return support.call(() -> contracts.create(new NewContract(siren, "ERP", LocalDate.of(2026, 1, 1), null,
                            false, ServiceLevel.STANDARD, null, null, 10)));
                } catch (HostingRefusedException refused) {
                    return refused.reason();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new java.util.ArrayList<>();
        for (var result : results) {
            outcomes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(1, outcomes.stream().filter(ContractView.class::isInstance).count(), outcomes::toString);
        assertEquals(attempts - 1, outcomes.stream().filter(Reason.OVERLAPPING_CONTRACT::equals).count(), outcomes::toString);
        assertEquals(1, support.call(() -> contracts.count(siren)));
    }

    @Test
    void a_client_sees_only_its_own_contracts() throws Exception {
        List<ContractView> mine = client.call(contracts::myContracts);
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(c -> c.tenantSiren().equals(DEMO_CLIENT_SIREN)), mine::toString);
    }

    @Test
    void the_recovery_plan_follows_the_source_and_drills_refine_it() throws Exception {
        ServerView prod1 = support.call(inventory::servers).stream().filter(s -> s.name().equals("GC-PROD-01")).findFirst().orElseThrow();
        RecoveryPlanView plan = auditor.call(() -> plans.plan(prod1.id()));
        // demo drill on GC-PROD-01: new server 12 min, remount 17 min; 10 min per tenant from the settings
        assertEquals(29, plan.dataStepStartMinute());
        assertTrue(plan.steps().get(0).source().drill() && plan.steps().get(1).source().drill());
        assertFalse(plan.steps().get(2).source().drill());
        int n = plan.tenants().size();
        assertTrue(n >= 42, plan.tenants()::toString);
        assertEquals(29 + 10 * n, plan.totalMinutes());
        assertEquals(ServiceLevel.PREMIUM, plan.tenants().get(0).serviceLevel(), "service-level order");

        List<MyRecoveryView> mine = client.call(plans::myRecovery);
        assertEquals(1, mine.size(), mine::toString);
        MyRecoveryView own = mine.get(0);
        assertEquals("GC-PROD-01", own.serverName());
        RecoveryPlanView.TenantSlot slot = plan.tenants().stream().filter(t -> t.tenantSiren().equals(DEMO_CLIENT_SIREN)).findFirst().orElseThrow();
        assertEquals(slot.position(), own.position());
        assertEquals(slot.endMinute(), own.estimatedMinutes());
        assertTrue(own.fromDrill(), "the demo drill measured the first two steps");
        assertThrows(EJBAccessException.class, () -> client.call(() -> plans.plan(prod1.id())));
        assertThrows(EJBAccessException.class, () -> support.call(() -> plans.updateSettings(RecoverySettings.SOURCE)));
        assertEquals(RecoverySettings.SOURCE, admin.call(() -> plans.updateSettings(RecoverySettings.SOURCE)));

        // a drill on a fresh server with three tenants: 7 min each, measured
        String name = Ids.code("DRILL-");
        ServerView fresh = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        for (int i = 0; i < 3; i++) {
            support.call(() -> contracts.create(new NewContract(Ids.siren(), "ERP", LocalDate.of(2026, 1, 1), null, false,
                    ServiceLevel.STANDARD, fresh.id(), null, 5)));
        }
        assertThrows(EJBException.class, () -> support.call(() -> plans.recordDrill(new NewDrill(fresh.id(), LocalDate.now().plusDays(3),
                10, 10, 7, null, null))), "a drill in the future is refused");
        support.call(() -> plans.recordDrill(new NewDrill(fresh.id(), LocalDate.now(), null, null, 7, null, "test")));
        RecoveryPlanView refined = support.call(() -> plans.plan(fresh.id()));
        assertEquals(30, refined.dataStepStartMinute(), "first two steps still from the settings");
        assertEquals(30 + 3 * 7, refined.totalMinutes());
        assertTrue(refined.tenants().stream().allMatch(t -> t.source().drill()));
        assertEquals(1, support.call(() -> plans.drills(fresh.id())).size());

        // The worst case that /trust and the home page quote, computed for all servers at once (a few statements), is
        // the worst of the plans computed server by server: most tenants, then the longest, then the first by name.
        RecoveryPlanView expected = worstOfThePlans();
        assertEquals(expected, auditor.call(plans::worstCase).orElseThrow());

        // Kept a few seconds for /trust's visitors, but a write on this node shows at the next call: a drill on the
        // worst server that took one minute more to open a new server changes the worst case at once.
        RecoveryPlanView worst = expected;
        int newServer = worst.steps().stream().filter(st -> st.kind().equals("NEW_SERVER")).findFirst().orElseThrow().durationMinutes();
        support.call(() -> plans.recordDrill(new NewDrill(worst.serverId(), LocalDate.now(), newServer + 1, null, null, null, "slower")));
        RecoveryPlanView after = worstOfThePlans();
        assertNotEquals(worst, after, "the drill changed the worst server's plan");
        assertEquals(after, auditor.call(plans::worstCase).orElseThrow());
    }

    /** The worst of the plans computed server by server: most tenants, then the longest, then the first by name. */
    private RecoveryPlanView worstOfThePlans() throws Exception {
        RecoveryPlanView expected = null;
        for (ServerView s : support.call(inventory::servers)) { // by name, as the one pass reads them
            if (s.role() == ServerRole.PRODUCTION) {
                RecoveryPlanView p = support.call(() -> plans.plan(s.id()));
                if (expected == null || p.tenants().size() > expected.tenants().size()
                        || p.tenants().size() == expected.tenants().size() && p.totalMinutes() > expected.totalMinutes()) {
                    expected = p;
                }
            }
        }
        return expected;
    }

    @Test
    void an_incident_goes_forward_to_resolved_and_the_public_and_the_archive_see_it() throws Exception {
        String name = Ids.code("STATUS-");
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> status.openIncident(
                new NewIncident("x", IncidentImpact.MINOR, "x", Set.of(server.id())))));
        IncidentView opened = support.call(() -> status.openIncident(
                new NewIncident("Disque saturé", IncidentImpact.CRITICAL, "Analyse en cours.", Set.of(server.id()))));
        assertEquals(IncidentState.INVESTIGATING, opened.state());

        PublicStatusView anonymous = status.publicStatus(); // no caller: the public page
        assertTrue(anonymous.activeIncidents().stream().anyMatch(i -> i.id() == opened.id()));
        assertEquals(ServerState.MAJOR_OUTAGE, anonymous.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().state());
        assertEquals(ServerState.MAJOR_OUTAGE, anonymous.overall());

        support.call(() -> status.postUpdate(opened.id(), IncidentState.IDENTIFIED, "Cause trouvée."));
        assertEquals(Reason.ILLEGAL_STATUS, assertThrows(HostingRefusedException.class,
                () -> support.call(() -> status.postUpdate(opened.id(), IncidentState.INVESTIGATING, "retour"))).reason());
        support.call(() -> status.postUpdate(opened.id(), IncidentState.MONITORING, "Surveillance."));
        IncidentView resolved = admin.call(() -> status.postUpdate(opened.id(), IncidentState.RESOLVED, "Résolu."));
        assertEquals(4, resolved.updates().size());
        assertEquals(IncidentState.RESOLVED, resolved.updates().get(0).state(), "newest first");
        assertTrue(resolved.resolvedAt() != null);

        PublicStatusView after = status.publicStatus();
        assertTrue(after.activeIncidents().stream().noneMatch(i -> i.id() == opened.id()));
        assertTrue(after.recentIncidents().stream().anyMatch(i -> i.id() == opened.id()));
        var component = after.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertEquals(ServerState.OPERATIONAL, component.state());
        assertEquals(IncidentImpact.CRITICAL, component.days().get(89).worstImpact());
        assertTrue(status.archive(YearMonth.now(java.time.ZoneId.of("Europe/Paris"))).stream().anyMatch(i -> i.id() == opened.id()));
        // the demo archive holds a resolved incident
        assertTrue(status.latestIncidents(50).stream().anyMatch(i -> i.state() == IncidentState.RESOLVED && i.servers().contains("GC-PROD-02")));

        MaintenanceView window = support.call(() -> status.scheduleMaintenance(new NewMaintenance("Mise à jour", "Instantané puis mise à jour.",
                Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200), Set.of(server.id()))));
        assertEquals(MaintenanceState.SCHEDULED, window.state());
        assertEquals(Reason.END_BEFORE_START, assertThrows(HostingRefusedException.class, () -> support.call(() -> status.scheduleMaintenance(
                new NewMaintenance("x", "x", Instant.now().plusSeconds(7200), Instant.now().plusSeconds(3600), Set.of(server.id()))))).reason());
        assertEquals(MaintenanceState.IN_PROGRESS, support.call(() -> status.advanceMaintenance(window.id())).state());
        assertEquals(ServerState.UNDER_MAINTENANCE, status.publicStatus().components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().state());
        assertEquals(MaintenanceState.COMPLETED, support.call(() -> status.advanceMaintenance(window.id())).state());
    }

    @Test
    void a_client_sees_only_its_own_servers_status() throws Exception {
        List<String> mine = client.call(status::myServers).stream().map(c -> c.name()).sorted().toList();
        assertEquals(List.of("GC-BKP-01", "GC-PROD-01"), mine);
    }

    @Test
    void a_monitored_server_that_does_not_report_shows_no_data_not_up() throws Exception {
        String name = Ids.code("SIL-");
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        assertEquals(ServerState.OPERATIONAL, component(name).state(), "no token: not expected to report");
        String token = admin.call(() -> inventory.issueMonitoringToken(server.id()));
        ComponentStatusView silent = component(name);
        assertEquals(ServerState.NO_DATA, silent.state(), "a token issued, nothing received: silence is not up");
        assertTrue(silent.days().get(89).noData(), "today is unknown on the bar");
        monitoring.ingest(server.id(), token, new MetricSample(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, Instant.now()));
        ComponentStatusView reporting = component(name);
        assertEquals(ServerState.OPERATIONAL, reporting.state());
        assertFalse(reporting.days().get(89).noData());
    }

    private ComponentStatusView component(String name) {
        return status.publicStatus().components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void metrics_need_the_servers_own_token_and_thresholds_mark_it_degraded() throws Exception {
        String name = Ids.code("MON-");
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        MetricSample ok = new MetricSample(new BigDecimal("12.5"), new BigDecimal("40"), new BigDecimal("55"), Instant.now());
        assertEquals(401, assertThrows(MetricsRejectedException.class, () -> monitoring.ingest(server.id(), "anything", ok)).status(),
                "no token issued yet");
        String token = admin.call(() -> inventory.issueMonitoringToken(server.id()));
        assertEquals(401, assertThrows(MetricsRejectedException.class, () -> monitoring.ingest(server.id(), token + "x", ok)).status());
        assertEquals(401, assertThrows(MetricsRejectedException.class, () -> monitoring.ingest(999_999, token, ok)).status());
        assertEquals("future-measurement", assertThrows(MetricsRejectedException.class, () -> monitoring.ingest(server.id(), token,
                new MetricSample(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, Instant.now().plusSeconds(3600)))).code());
        assertEquals("out-of-range", assertThrows(MetricsRejectedException.class, () -> monitoring.ingest(server.id(), token,
                new MetricSample(new BigDecimal("101"), BigDecimal.ONE, BigDecimal.ONE, Instant.now()))).code());
        assertTrue(support.call(() -> monitoring.recent(server.id(), 10)).isEmpty(), "nothing stored for refused metrics");

        MetricsReceipt hot = monitoring.ingest(server.id(), token, new MetricSample(new BigDecimal("97"), new BigDecimal("40"),
                new BigDecimal("50"), Instant.now()));
        assertEquals(ServerState.DEGRADED_PERFORMANCE, hot.state());
        assertEquals(List.of("cpu"), hot.exceeded());
        assertTrue(support.call(monitoring::alerts).stream().anyMatch(s -> s.name().equals(name)));
        assertEquals(ServerState.OPERATIONAL, monitoring.ingest(server.id(), token, ok).state());
        assertTrue(support.call(monitoring::alerts).stream().noneMatch(s -> s.name().equals(name)), "back to normal: no alert");
        assertEquals(2, auditor.call(() -> monitoring.recent(server.id(), 10)).size());
        assertThrows(EJBAccessException.class, () -> client.call(() -> monitoring.recent(server.id(), 10)));
    }

    @Test
    void an_administrator_imports_a_servers_past_measurements_in_one_call() throws Exception {
        String name = Ids.code("HIS-");
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // 90 days at one measurement every 5 minutes, the oldest first; the last one is hot
        List<MetricSample> history = java.util.stream.IntStream.range(0, 90 * 288).mapToObj(i -> new MetricSample(
                new BigDecimal(i == 90 * 288 - 1 ? "97" : "20.5"), new BigDecimal("40"), new BigDecimal("55.25"),
                now.minus(java.time.Duration.ofMinutes(5L * (90 * 288 - 1 - i))))).toList();

        assertThrows(EJBAccessException.class, () -> support.call(() -> monitoring.importHistory(server.id(), history)));
        List<MetricSample> withOneBad = new java.util.ArrayList<>(history.subList(0, 10));
        withOneBad.add(new MetricSample(new BigDecimal("101"), BigDecimal.ONE, BigDecimal.ONE, now));
        assertEquals("out-of-range", assertThrows(MetricsRejectedException.class,
                () -> admin.call(() -> monitoring.importHistory(server.id(), withOneBad))).code());
        assertEquals("stale-measurement", assertThrows(MetricsRejectedException.class, () -> admin.call(() -> monitoring.importHistory(
                server.id(), List.of(new MetricSample(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                        now.minus(java.time.Duration.ofDays(Monitoring.HISTORY_DAYS + 1))))))).code());
        assertTrue(auditor.call(() -> monitoring.recent(server.id(), 10)).isEmpty(), "a refused import stores nothing");
        // the rows go in the caller's transaction (on PostgreSQL a COPY on its connection): rolled back with it
        assertThrows(jakarta.ejb.EJBException.class, () -> admin.call(() -> {
            monitoring.importHistory(server.id(), history);
            throw new IllegalStateException("the caller's work fails after the import");
        }));
        assertTrue(auditor.call(() -> monitoring.recent(server.id(), 10)).isEmpty(), "an import rolled back with its caller stores nothing");

        assertEquals(90 * 288, (int) admin.call(() -> monitoring.importHistory(server.id(), history)));
        List<fr.gestan.cloud.hosting.api.MetricView> recent = auditor.call(() -> monitoring.recent(server.id(), 3));
        assertEquals(3, recent.size());
        assertEquals(now, recent.get(2).measuredAt(), "stored at the instant measured (UTC), read back by the entity");
        assertEquals(0, new BigDecimal("55.25").compareTo(recent.get(2).memoryPercent()));
        assertEquals(now.minus(java.time.Duration.ofMinutes(10)), recent.get(0).measuredAt());
        // stored as the ingest stores a measurement (2 decimals), whichever way the rows went in (COPY or batches)
        assertEquals(new fr.gestan.cloud.hosting.api.MetricView(now.minus(java.time.Duration.ofMinutes(5)), new BigDecimal("20.50"),
                new BigDecimal("40.00"), new BigDecimal("55.25")), recent.get(1));
        assertEquals(new BigDecimal("97.00"), recent.get(2).cpuPercent());
        assertEquals(ServerState.OPERATIONAL, admin.call(() -> inventory.servers()).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow().state(), "history is not news: the hot last sample does not degrade the server");
    }

    private Reason refusal(fr.gestan.cloud.it.support.Call<?> call) {
        return assertThrows(HostingRefusedException.class, () -> support.call(call)).reason();
    }
}

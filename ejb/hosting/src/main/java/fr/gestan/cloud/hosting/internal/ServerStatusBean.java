package fr.gestan.cloud.hosting.internal;

import java.util.ArrayList;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.NoticeKind;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.MaintenanceState;
import fr.gestan.cloud.hosting.api.MaintenanceView;
import fr.gestan.cloud.hosting.api.MyHostingView;
import fr.gestan.cloud.hosting.api.NewIncident;
import fr.gestan.cloud.hosting.api.NewMaintenance;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerAvailabilityView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@Stateless
@PermitAll
public class ServerStatusBean extends HostingServiceBase implements ServerStatus {

    // current() is @PermitAll: the status page is public.
    @EJB
    SecurityPolicies policies;
    @EJB
    Notifications notifications;
    @EJB
    ServerAvailabilityStore availabilities;

    @Override
    public PublicStatusView publicStatus() {
        Instant now = Instant.now();
        // The servers with their data centres first: the incidents' and maintenances' servers are then already read.
        List<HostingServer> servers = em.createNamedQuery(HostingServer.ALL, HostingServer.class).getResultList();
        List<Incident> incidents = em.createNamedQuery(Incident.SINCE, Incident.class)
                .setParameter("since", now.minus(Duration.ofDays(StatusBoard.DAYS))).getResultList();
        List<Maintenance> maintenances = em.createNamedQuery(Maintenance.OPEN, Maintenance.class).getResultList();
        List<ComponentStatusView> components = components(servers, incidents, maintenances, now);
        List<IncidentView> active = incidents.stream().filter(i -> i.resolvedAt() == null).map(Incident::toView).toList();
        List<IncidentView> recent = incidents.stream()
                .filter(i -> i.resolvedAt() != null && i.resolvedAt().isAfter(now.minus(Duration.ofDays(7))))
                .map(Incident::toView).toList();
        return new PublicStatusView(now, StatusBoard.overall(components), components, active,
                maintenances.stream().map(Maintenance::toView).toList(), recent);
    }

    @Override
    public List<IncidentView> activeIncidents() {
        // the same for every caller: kept a few seconds per node, void at this node's writes (StatusBoardCache)
        return StatusBoardCache.activeIncidents(() -> em.createNamedQuery(Incident.ACTIVE, Incident.class).getResultList().stream()
                .map(Incident::toView).toList());
    }

    @Override
    public List<IncidentView> archive(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(Paris.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Paris.ZONE).toInstant();
        return em.createNamedQuery(Incident.BETWEEN, Incident.class).setParameter("from", from).setParameter("to", to)
                .setMaxResults(500).getResultList().stream().map(Incident::toView).toList();
    }

    @Override
    public List<IncidentView> latestIncidents(int max) {
        return em.createNamedQuery(Incident.LATEST, Incident.class).setMaxResults(max).getResultList().stream()
                .map(Incident::toView).toList();
    }

    @Override
    public IncidentView incident(long incidentId) {
        return find(incidentId).toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public IncidentView openIncident(NewIncident request) {
        Incident incident = new Incident(request.title(), request.impact(), request.message().strip(), servers(request.serverIds()),
                actor(), Instant.now());
        em.persist(incident);
        em.flush();
        journal.record(JournalEvent.success("INCIDENT_OPENED", null, "incident " + incident.id()));
        IncidentView view = incident.toView();
        announce(NoticeKind.INCIDENT_OPENED, incident.servers(), incidentFacts(view, request.message().strip()));
        availabilities.invalidate(incident.servers().stream().map(HostingServer::id).toList()); // its down time counts
        return view;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public IncidentView postUpdate(long incidentId, IncidentState state, String message) {
        Incident incident = find(incidentId);
        incident.update(state, message.strip(), actor(), Instant.now());
        em.flush();
        journal.record(JournalEvent.success("INCIDENT_UPDATED", null, "incident " + incidentId + " " + state));
        IncidentView view = incident.toView();
        availabilities.invalidate(incident.servers().stream().map(HostingServer::id).toList());
        announce(state == IncidentState.RESOLVED ? NoticeKind.INCIDENT_RESOLVED : NoticeKind.INCIDENT_UPDATED, incident.servers(),
                incidentFacts(view, message.strip()));
        return view;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public MaintenanceView scheduleMaintenance(NewMaintenance request) {
        Maintenance maintenance = new Maintenance(request.title(), request.description().strip(), request.startsAt(), request.endsAt(),
                servers(request.serverIds()), actor());
        em.persist(maintenance);
        em.flush();
        journal.record(JournalEvent.success("MAINTENANCE_SCHEDULED", null, request.title().strip()));
        MaintenanceView view = maintenance.toView();
        announce(NoticeKind.MAINTENANCE_SCHEDULED, maintenance.servers(), maintenanceFacts(view));
        return view;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public MaintenanceView advanceMaintenance(long maintenanceId) {
        Maintenance maintenance = em.find(Maintenance.class, maintenanceId);
        if (maintenance == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "maintenance " + maintenanceId);
        }
        maintenance.advance();
        journal.record(JournalEvent.success("MAINTENANCE_" + maintenance.state(), null, "maintenance " + maintenanceId));
        MaintenanceView view = maintenance.toView();
        announce(maintenance.state() == MaintenanceState.COMPLETED ? NoticeKind.MAINTENANCE_ENDED : NoticeKind.MAINTENANCE_STARTED,
                maintenance.servers(), maintenanceFacts(view));
        return view;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<MaintenanceView> openMaintenances() {
        return em.createNamedQuery(Maintenance.OPEN, Maintenance.class).getResultList().stream().map(Maintenance::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<ComponentStatusView> myServers() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        if (siren == null) {
            return List.of();
        }
        // read once per transaction with the recovery tile's and the compliance tile's (TenantContracts)
        return serversOf(TenantContracts.of(em, transactions, siren, 100));
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public MyHostingView myHosting() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        if (siren == null) {
            return new MyHostingView(List.of(), List.of());
        }
        // what myRecovery and myServers return, from one read of the contracts: one call and one tenantOfCaller
        // fewer for the dashboard's hosting tile (docs/performance.md, "client dashboard and journal page")
        List<HostingContract> contracts = TenantContracts.of(em, transactions, siren, 100);
        return new MyHostingView(RecoveryPlansBean.recoveryOf(em, contracts), serversOf(contracts));
    }

    /** The status of these contracts' servers (those of contracts not terminated), in the order of their names. */
    private List<ComponentStatusView> serversOf(List<HostingContract> contracts) {
        // The contracts' servers, read with them (not again by ids), in the order of their names.
        Set<HostingServer> servers = new java.util.TreeSet<>(java.util.Comparator.comparing(HostingServer::name)
                .thenComparing(HostingServer::id));
        for (HostingContract c : contracts) {
            if (c.toView().status() != fr.gestan.cloud.hosting.api.ContractStatus.TERMINATED) {
                servers.add(c.productionServer());
                servers.add(c.backupServer());
            }
        }
        if (servers.isEmpty()) {
            return List.of();
        }
        // The public board's components are these servers' (same computation, every server): taken from the board
        // kept on this node (StatusBoardCache) rather than computed again at each dashboard view.
        Map<Long, ComponentStatusView> board = StatusBoardCache.get(this::publicStatus).components().stream()
                .collect(Collectors.toMap(ComponentStatusView::serverId, c -> c, (a, b) -> a));
        if (servers.stream().allMatch(s -> board.containsKey(s.id()))) {
            return servers.stream().map(s -> board.get(s.id())).toList();
        }
        Instant now = Instant.now();
        List<Incident> incidents = em.createNamedQuery(Incident.SINCE, Incident.class)
                .setParameter("since", now.minus(Duration.ofDays(StatusBoard.DAYS))).getResultList();
        List<Maintenance> maintenances = em.createNamedQuery(Maintenance.OPEN, Maintenance.class).getResultList();
        return components(List.copyOf(servers), incidents, maintenances, now);
    }

    private List<ComponentStatusView> components(List<HostingServer> servers, List<Incident> incidents,
                                                 List<Maintenance> maintenances, Instant now) {
        Map<Long, Instant> lastReports = lastReports();
        List<StatusBoard.Server> rows = servers.stream().map(s -> new StatusBoard.Server(s.id(), s.name(), s.dataCentre().code(),
                s.dataCentre().city(), s.role(), s.state(), s.monitored(), lastReports.get(s.id()), s.commissionedAt())).toList();
        List<StatusBoard.Outage> outages = incidents.stream().map(i -> new StatusBoard.Outage(
                i.servers().stream().map(HostingServer::id).collect(Collectors.toSet()), i.impact(), i.startedAt(), i.resolvedAt())).toList();
        Set<Long> inMaintenance = maintenances.stream().filter(m -> m.state() == MaintenanceState.IN_PROGRESS)
                .flatMap(m -> m.servers().stream()).map(HostingServer::id).collect(Collectors.toSet());
        return StatusBoard.components(rows, outages, inMaintenance, now, Paris.ZONE,
                Duration.ofMinutes(policies.current().settings().silenceMinutes()));
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<AvailabilityView> myAvailability() {
        return tenancy.tenantOfCaller().map(this::availability).orElse(List.of());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<AvailabilityView> availabilityOf(String siren) {
        return availability(siren);
    }

    /**
     * Each contract's production server's figures, as computed once per server and kept ({@link ServerAvailabilityStore}):
     * the certificates print the same ones.
     */
    private List<AvailabilityView> availability(String siren) {
        List<HostingContract> live = TenantContracts.of(em, transactions, siren, 100).stream()
                .filter(c -> c.toView().status() != fr.gestan.cloud.hosting.api.ContractStatus.TERMINATED).toList();
        Map<Long, ServerAvailabilityView> figures = availabilities.of(live.stream().map(c -> c.productionServer().id())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)), true);
        List<AvailabilityView> views = new ArrayList<>();
        for (HostingContract c : live) {
            ServerAvailabilityView f = figures.get(c.productionServer().id());
            if (f != null) {
                views.add(new AvailabilityView(c.toView().id(), siren, f.server(), f.month(), f.year(), f.computedAt()));
            }
        }
        return views;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ServerAvailabilityView> serverAvailabilities() {
        return availabilities.all();
    }

    /**
     * When each server last reported (metrics or agent events), in one statement for all servers: the latest of each
     * kind per server, read from the indexes on (server, received at) (hosting V11), not by scanning the metrics.
     */
    private Map<Long, Instant> lastReports() {
        Map<Long, Instant> last = new HashMap<>();
        for (Object[] row : em.createNamedQuery(HostingServer.LAST_REPORTS, Object[].class).getResultList()) {
            for (int i = 1; i < row.length; i++) {
                if (row[i] != null) {
                    last.merge((Long) row[0], (Instant) row[i], (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return last;
    }

    private Set<HostingServer> servers(Set<Long> ids) {
        List<HostingServer> found = em.createNamedQuery(HostingServer.BY_IDS, HostingServer.class).setParameter("ids", ids).getResultList();
        if (found.size() != ids.size()) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "server " + ids);
        }
        return new HashSet<>(found);
    }

    /**
     * Tells the status subscribers of these servers and of their data centres, and the clients hosted on them
     * (subscribed by default), in this transaction (outbox).
     */
    private void announce(NoticeKind kind, Set<HostingServer> servers, Map<String, String> facts) {
        Set<Long> ids = servers.stream().map(HostingServer::id).collect(Collectors.toSet());
        Set<String> clients = new HashSet<>(em.createNamedQuery(HostingContract.TENANTS_ON_SERVERS, String.class)
                .setParameter("ids", ids).getResultList());
        notifications.publish(Notice.status(kind, ids, servers.stream().map(s -> s.dataCentre().code()).collect(Collectors.toSet()),
                facts, clients));
    }

    private static Map<String, String> incidentFacts(IncidentView view, String message) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("incidentId", String.valueOf(view.id()));
        facts.put("title", view.title());
        facts.put("impact", view.impact().name());
        facts.put("state", view.state().name());
        facts.put("servers", String.join(", ", view.servers()));
        facts.put("message", message);
        return facts;
    }

    private static Map<String, String> maintenanceFacts(MaintenanceView view) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("maintenanceId", String.valueOf(view.id()));
        facts.put("title", view.title());
        facts.put("state", view.state().name());
        facts.put("servers", String.join(", ", view.servers()));
        facts.put("message", view.description());
        facts.put("startsAt", NOTICE_TIME.format(view.startsAt()));
        facts.put("endsAt", NOTICE_TIME.format(view.endsAt()));
        return facts;
    }

    private static final java.time.format.DateTimeFormatter NOTICE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm z").withZone(Paris.ZONE);

    private Incident find(long id) {
        Incident incident = em.find(Incident.class, id);
        if (incident == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "incident " + id);
        }
        return incident;
    }

}

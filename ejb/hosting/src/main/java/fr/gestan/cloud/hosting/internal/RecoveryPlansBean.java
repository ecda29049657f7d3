package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.DrillView;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.NewDrill;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanPdf;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class RecoveryPlansBean extends HostingServiceBase implements RecoveryPlans {

    @Override
    public RecoverySettings settings() {
        return setting().toView();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public RecoverySettings updateSettings(RecoverySettings settings) {
        RecoverySetting row = setting();
        row.change(settings, actor(), Instant.now());
        journal.record(new JournalEvent("RECOVERY_SETTINGS_CHANGED", null, "recovery plan", JournalEvent.Outcome.SUCCESS,
                settings.toString()));
        return row.toView();
    }

    @Override
    public RecoveryPlanView plan(long serverId) {
        return keptPlan(em, serverId);
    }

    /** A production server's plan as kept on this node ({@link WorstCaseCache#plan}); refused for another role. */
    static RecoveryPlanView keptPlan(EntityManager em, long serverId) {
        return WorstCaseCache.plan(serverId, id -> planOf(em, ServerLookup.find(em, id)));
    }

    @Override
    public RecoveryPlanPdf planPdf(long serverId, Locale locale) {
        RecoveryPlanView plan = plan(serverId);
        return new RecoveryPlanPdf("pra-" + plan.serverName() + ".pdf", RecoveryPdf.render(plan, locale));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public DrillView recordDrill(NewDrill request) {
        HostingServer server = ServerLookup.find(em, request.serverId());
        RecoveryDrill drill = new RecoveryDrill(server, request.drilledOn(), actor(),
                request.newServerMinutes(), request.remountMinutes(), request.perTenantMinutes(),
                request.throughputGbPerHour(), request.notes(), Instant.now());
        em.persist(drill);
        em.flush();
        journal.record(JournalEvent.success("RECOVERY_DRILL_RECORDED", null, server.name() + " " + request.drilledOn()));
        return drill.toView();
    }

    @Override
    public List<DrillView> drills(long serverId) {
        return drillsOf(serverId).stream().map(RecoveryDrill::toView).toList();
    }

    private List<RecoveryDrill> drillsOf(long serverId) {
        return em.createNamedQuery(RecoveryDrill.OF_SERVER, RecoveryDrill.class).setParameter("server", serverId)
                .setMaxResults(100).getResultList();
    }

    @Override
    public RecoveryPage page(Long serverId) {
        // the same for every staff member: kept 5 s on this node, void at once at this node's writes (WorstCaseCache)
        return WorstCaseCache.page(serverId, this::readPage);
    }

    private RecoveryPage readPage(Long serverId) {
        List<HostingServer> production = em.createNamedQuery(HostingServer.BY_ROLE, HostingServer.class)
                .setParameter("role", ServerRole.PRODUCTION).getResultList();
        List<RecoveryPage.Server> servers = production.stream().map(s -> new RecoveryPage.Server(s.id(), s.name())).toList();
        RecoverySettings settings = setting().toView();
        Long id = serverId != null ? serverId : production.isEmpty() ? null : production.get(0).id();
        if (id == null) {
            return new RecoveryPage(servers, settings, null, List.of());
        }
        HostingServer server = ServerLookup.find(em, id); // a production server is in the persistence context already
        // one statement for the server's drills and the latest of any server (two before: 4.24)
        List<RecoveryDrill> newest = em.createNamedQuery(RecoveryDrill.OF_SERVER_OR_LATEST, RecoveryDrill.class)
                .setParameter("server", id).setMaxResults(101).getResultList();
        List<RecoveryDrill> drills = newest.stream().filter(d -> d.server().id().equals(id)).limit(100).toList();
        RecoveryDrill latestOfAny = newest.isEmpty() ? null : newest.get(0);
        RecoveryPlanView plan = planOf(em, server, figures(drills.isEmpty() ? latestOfAny : drills.get(0), settings));
        return new RecoveryPage(servers, settings, plan, drills.stream().map(RecoveryDrill::toView).toList());
    }

    @Override
    public Optional<RecoveryPlanView> worstCase() {
        return WorstCaseCache.get(this::computeWorstCase);
    }

    private Optional<RecoveryPlanView> computeWorstCase() {
        List<HostingServer> servers = em.createNamedQuery(HostingServer.BY_ROLE, HostingServer.class)
                .setParameter("role", ServerRole.PRODUCTION).getResultList();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<RecoveryTimeline.Entry>> entries = new HashMap<>();
        for (Object[] c : em.createNamedQuery(HostingContract.ON_PRODUCTION_SERVERS, Object[].class).getResultList()) {
            entries.computeIfAbsent((Long) c[0], k -> new ArrayList<>())
                    .add(new RecoveryTimeline.Entry((Long) c[1], (String) c[2], (ServiceLevel) c[3], (Integer) c[4], (LocalDate) c[5]));
        }
        // The drills, newest first: the first of a server is its latest, the very first the latest on any server.
        Map<Long, RecoveryDrill> latestDrill = new HashMap<>();
        RecoveryDrill latestAny = null;
        for (RecoveryDrill d : em.createNamedQuery(RecoveryDrill.LATEST, RecoveryDrill.class).getResultList()) {
            latestAny = latestAny == null ? d : latestAny;
            latestDrill.putIfAbsent(d.server().id(), d);
        }
        RecoverySettings settings = setting().toView();
        RecoveryPlanView worst = null;
        for (HostingServer server : servers) {
            RecoveryDrill drill = latestDrill.getOrDefault(server.id(), latestAny);
            RecoveryPlanView plan = RecoveryTimeline.plan(server.id(), server.name(), server.dataCentre().code(),
                    figures(drill, settings), entries.getOrDefault(server.id(), List.of()));
            if (worst == null || plan.tenants().size() > worst.tenants().size()
                    || plan.tenants().size() == worst.tenants().size() && plan.totalMinutes() > worst.totalMinutes()) {
                worst = plan;
            }
        }
        return Optional.ofNullable(worst);
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<MyRecoveryView> myRecovery() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        if (siren == null) {
            return List.of();
        }
        // read once per transaction with the servers tile's and the compliance tile's (TenantContracts)
        return recoveryOf(em, TenantContracts.of(em, transactions, siren, 100));
    }

    /** The client's estimated recovery for each of these contracts of its own that is not terminated ({@link #myRecovery}). */
    static List<MyRecoveryView> recoveryOf(EntityManager em, List<HostingContract> contracts) {
        List<MyRecoveryView> mine = new ArrayList<>();
        for (HostingContract contract : contracts) {
            if (contract.toView().status() == ContractStatus.TERMINATED) {
                continue;
            }
            RecoveryPlanView plan = keptPlan(em, contract.productionServer().id());
            plan.tenants().stream().filter(t -> t.contractId() == contract.id()).findFirst()
                    .ifPresent(t -> mine.add(new MyRecoveryView(contract.id(), plan.serverName(), plan.dataCentreCode(),
                            t.position(), plan.tenants().size(), t.endMinute(),
                            t.source().drill() || plan.steps().stream().anyMatch(step -> step.source().drill()))));
        }
        return mine;
    }

    private static RecoveryPlanView planOf(EntityManager em, HostingServer server) {
        return planOf(em, server, null);
    }

    /** {@code figures}: null to read them ({@link #figures(HostingServer)}), once the server's role is checked. */
    private static RecoveryPlanView planOf(EntityManager em, HostingServer server, RecoveryTimeline.Figures figures) {
        if (server.role() != ServerRole.PRODUCTION) {
            throw new HostingRefusedException(Reason.WRONG_ROLE, server.name());
        }
        // The columns the timeline needs, not the entities: a server holds up to 1,000 contracts, and the plan is read
        // for each certificate and each client's recovery page.
        List<RecoveryTimeline.Entry> entries = em.createNamedQuery(HostingContract.ON_SERVER, Object[].class)
                .setParameter("server", server.id()).getResultList().stream()
                .map(c -> new RecoveryTimeline.Entry((Long) c[0], (String) c[1], (ServiceLevel) c[2], (Integer) c[3], (LocalDate) c[4]))
                .toList();
        return RecoveryTimeline.plan(server.id(), server.name(), server.dataCentre().code(),
                figures == null ? figures(em, server) : figures, entries);
    }

    /** The latest drill of this server, else the latest drill on any server (same procedure), else the settings. */
    private static RecoveryTimeline.Figures figures(EntityManager em, HostingServer server) {
        RecoverySettings settings = setting(em).toView();
        RecoveryDrill drill = em.createNamedQuery(RecoveryDrill.OF_SERVER, RecoveryDrill.class).setParameter("server", server.id())
                .setMaxResults(1).getResultList().stream().findFirst()
                .orElseGet(() -> latestDrill(em));
        return figures(drill, settings);
    }

    /** The latest drill on any server, or null. */
    private static RecoveryDrill latestDrill(EntityManager em) {
        return em.createNamedQuery(RecoveryDrill.LATEST, RecoveryDrill.class).setMaxResults(1).getResultList().stream()
                .findFirst().orElse(null);
    }

    private static RecoveryTimeline.Figures figures(RecoveryDrill drill, RecoverySettings settings) {
        if (drill == null) {
            return new RecoveryTimeline.Figures(RecoveryTimeline.Figure.setting(settings.newServerMinutes()),
                    RecoveryTimeline.Figure.setting(settings.remountMinutes()),
                    RecoveryTimeline.Figure.setting(settings.perTenantMinutes()),
                    RecoveryTimeline.Figure.setting(settings.throughputGbPerHour()));
        }
        return drill.refine(settings);
    }

    private RecoverySetting setting() {
        return setting(em);
    }

    private static RecoverySetting setting(EntityManager em) {
        RecoverySetting row = em.find(RecoverySetting.class, RecoverySetting.ID);
        if (row == null) {
            throw new IllegalStateException("recovery_setting row 1 is missing (migration V3)");
        }
        return row;
    }
}

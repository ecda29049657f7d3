package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.hosting.api.ContractEventView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class HostingContractsBean extends HostingServiceBase implements HostingContracts {

    static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    @EJB
    ContractTenantLocks tenantLocks;

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public ServerView proposePlacement() {
        Placement.Candidate chosen = leastLoaded(ServerRole.PRODUCTION, null);
        return ServerLookup.find(em, chosen.serverId()).toView(chosen.load());
    }

    @Override
    public ContractView create(NewContract request) {
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw new HostingRefusedException(Reason.END_BEFORE_START, request.endsOn() + " < " + request.startsOn());
        }
        tenantLocks.lock(request.tenantSiren()); // one creation per tenant at a time: the check below stays true
        long overlapping = em.createNamedQuery(HostingContract.OVERLAPPING, Long.class)
                .setParameter("siren", request.tenantSiren()).setParameter("offer", request.offer().strip())
                .setParameter("start", request.startsOn())
                .setParameter("end", request.endsOn() == null ? OPEN_END : request.endsOn()).getSingleResult();
        if (overlapping > 0) {
            throw new HostingRefusedException(Reason.OVERLAPPING_CONTRACT, request.tenantSiren() + " " + request.offer());
        }
        HostingServer production = request.productionServerId() != null
                ? withRoom(request.productionServerId())
                : withRoom(leastLoaded(ServerRole.PRODUCTION, null).serverId());
        HostingServer backup = request.backupServerId() != null
                ? ServerLookup.find(em, request.backupServerId())
                : ServerLookup.find(em, leastLoaded(ServerRole.BACKUP, production.dataCentre().code()).serverId());
        HostingContract contract = new HostingContract(request.tenantSiren(), request.offer(), request.startsOn(),
                request.endsOn(), request.autoRenew(), request.serviceLevel(), production, backup,
                request.dataVolumeGb(), actor(), now());
        em.persist(contract);
        em.flush();
        journal.record(JournalEvent.success("CONTRACT_CREATED", contract.tenantSiren(), "contract " + contract.id()));
        return contract.toView();
    }

    @Override
    public ContractView activate(long contractId) {
        HostingContract contract = ServerLookup.contract(em, contractId);
        contract.activate(actor(), now());
        journal.record(JournalEvent.success("CONTRACT_ACTIVATED", contract.tenantSiren(), "contract " + contractId));
        return contract.toView();
    }

    @Override
    public ContractView terminate(long contractId, String reason) {
        HostingContract contract = ServerLookup.contract(em, contractId);
        contract.terminate(actor(), now(), reason.strip());
        journal.record(new JournalEvent("CONTRACT_TERMINATED", contract.tenantSiren(), "contract " + contractId,
                JournalEvent.Outcome.SUCCESS, reason.strip()));
        return contract.toView();
    }

    @Override
    public ContractView move(long contractId, long targetServerId, String reason) {
        HostingContract contract = ServerLookup.contract(em, contractId);
        if (contract.productionServer().id() == targetServerId) {
            throw new HostingRefusedException(Reason.SAME_SERVER, contract.productionServer().name());
        }
        HostingServer target = withRoom(targetServerId);
        contract.moveTo(target, actor(), now(), reason.strip());
        journal.record(new JournalEvent("CONTRACT_MOVED", contract.tenantSiren(), "contract " + contractId + " → " + target.name(),
                JournalEvent.Outcome.SUCCESS, reason.strip()));
        return contract.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ContractView> list(String tenantSiren, int first, int max) {
        if (!blank(tenantSiren) && first == 0 && max <= TenantContracts.MAX) {
            // a tenant's first contracts: read once per transaction (the client dashboard's compliance tile, after its
            // recovery and servers tiles read them; docs/performance.md, client19)
            return TenantContracts.of(em, transactions, tenantSiren.strip(), max).stream().map(HostingContract::toView).toList();
        }
        TypedQuery<HostingContract> query = blank(tenantSiren)
                ? em.createNamedQuery(HostingContract.PAGE, HostingContract.class)
                : em.createNamedQuery(HostingContract.PAGE_OF_TENANT, HostingContract.class).setParameter("siren", tenantSiren.strip());
        // No offset for the first page: the tenant's contracts are read without one by the client's dashboard (its
        // recovery, its servers), and Hibernate keeps one SQL translation per query text, made again whenever the
        // next call differs in having an offset: the compliance tile's call of this method and the recovery tile's
        // read translated the query twice per dashboard view (docs/performance.md 4.52).
        if (first > 0) {
            query.setFirstResult(first);
        }
        return query.setMaxResults(max).getResultList().stream().map(HostingContract::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long count(String tenantSiren) {
        return blank(tenantSiren)
                ? em.createNamedQuery(HostingContract.COUNT, Long.class).getSingleResult()
                : em.createNamedQuery(HostingContract.COUNT_OF_TENANT, Long.class).setParameter("siren", tenantSiren.strip()).getSingleResult();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ContractView> liveOf(List<String> tenantSirens) {
        // read-only: views made of them, nothing kept for a dirty check at the flush (the certificate batch reads a page)
        return tenantSirens.isEmpty() ? List.of() : em.createNamedQuery(HostingContract.LIVE_OF_TENANTS, HostingContract.class)
                .setParameter("sirens", tenantSirens).setHint("org.hibernate.readOnly", true).getResultList()
                .stream().map(HostingContract::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public java.util.Optional<ContractView> find(long contractId) {
        return java.util.Optional.ofNullable(em.find(HostingContract.class, contractId)).map(HostingContract::toView);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public Set<String> tenantsWithContract(List<String> tenantSirens) {
        return tenantSirens.isEmpty() ? Set.of() : new HashSet<>(em.createNamedQuery(HostingContract.TENANTS_WITH_CONTRACT, String.class)
                .setParameter("sirens", tenantSirens).getResultList());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ContractEventView> history(long contractId) {
        return ServerLookup.contract(em, contractId).history().stream().map(ContractEvent::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<ContractView> myContracts() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        if (siren == null) {
            return List.of();
        }
        return TenantContracts.of(em, transactions, siren, 500).stream().map(HostingContract::toView).toList();
    }

    /** The least-loaded server of a role with room, outside a data centre if one is given. */
    private Placement.Candidate leastLoaded(ServerRole role, String notInDataCentre) {
        Map<Long, Long> loads = Loads.of(em);
        List<Placement.Candidate> candidates = em.createNamedQuery(HostingServer.BY_ROLE, HostingServer.class)
                .setParameter("role", role).getResultList().stream()
                .filter(s -> notInDataCentre == null || !s.dataCentre().code().equals(notInDataCentre))
                .map(s -> new Placement.Candidate(s.id(), s.name(), s.capacity(), loads.getOrDefault(s.id(), 0L)))
                .toList();
        return Placement.leastLoaded(candidates)
                .orElseThrow(() -> new HostingRefusedException(Reason.NO_CAPACITY, role.name()));
    }

    /** A production server locked for this transaction, refused when it is full. */
    private HostingServer withRoom(long serverId) {
        HostingServer server = ServerLookup.lock(em, serverId);
        if (server.role() != ServerRole.PRODUCTION) {
            throw new HostingRefusedException(Reason.WRONG_ROLE, server.name());
        }
        long load = em.createNamedQuery(HostingContract.LOAD_OF, Long.class).setParameter("server", serverId).getSingleResult();
        if (load >= server.capacity()) {
            throw new HostingRefusedException(Reason.SERVER_FULL, server.name() + " (" + load + "/" + server.capacity() + ")");
        }
        return server;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Instant now() {
        return clock.instant();
    }
}

package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's hosting contract. Its lifecycle goes draft → active → terminated through behaviour methods, each
 * step (and each move to another server) kept in its history.
 */
@Entity
@jakarta.persistence.EntityListeners({WorstCaseCache.Listener.class, ServersCache.Listener.class, TenantContracts.Listener.class}) // the recovery worst case (/trust), the servers' loads, a tenant's contracts kept in a transaction
@Table(name = "hosting_contract")
@NamedQuery(name = HostingContract.PAGE, query = HostingContract.WITH_SERVERS + " order by c.id desc")
@NamedQuery(name = HostingContract.PAGE_OF_TENANT, query = HostingContract.WITH_SERVERS + " where c.tenantSiren = :siren order by c.id desc")
@NamedQuery(name = HostingContract.LIVE_OF_TENANTS, query = HostingContract.WITH_SERVERS + " where c.tenantSiren in :sirens"
        + " and " + HostingContract.LIVE + " order by c.id desc")
@NamedQuery(name = HostingContract.COUNT, query = "select count(c) from HostingContract c")
@NamedQuery(name = HostingContract.COUNT_OF_TENANT, query = "select count(c) from HostingContract c where c.tenantSiren = :siren")
@NamedQuery(name = HostingContract.LOAD_OF, query = "select count(c) from HostingContract c"
        + " where c.productionServer.id = :server and " + HostingContract.LIVE)
@NamedQuery(name = HostingContract.OVERLAPPING, query = "select count(c) from HostingContract c where c.tenantSiren = :siren"
        + " and lower(c.offer) = lower(:offer) and " + HostingContract.LIVE
        + " and (c.endsOn is null or c.endsOn >= :start) and c.startsOn <= :end")
@NamedQuery(name = HostingContract.TENANTS_WITH_CONTRACT, query = "select distinct c.tenantSiren from HostingContract c"
        + " where c.tenantSiren in :sirens and " + HostingContract.LIVE)
@NamedQuery(name = HostingContract.ON_SERVER, query = "select " + HostingContract.LOAD_COLUMNS
        + " from HostingContract c where c.productionServer.id = :server and " + HostingContract.LIVE + HostingContract.BY_START)
@NamedQuery(name = HostingContract.ON_PRODUCTION_SERVERS, query = "select c.productionServer.id, " + HostingContract.LOAD_COLUMNS
        + " from HostingContract c where " + HostingContract.LIVE + HostingContract.BY_START)
@NamedQuery(name = HostingContract.SITES_OF_TENANTS, query = "select c.tenantSiren, c.productionServer.dataCentre.code,"
        + " c.backupServer.dataCentre.code from HostingContract c where " + HostingContract.LIVE)
@NamedQuery(name = HostingContract.TENANTS_ON_SERVERS, query = "select distinct c.tenantSiren from HostingContract c"
        + " where " + HostingContract.LIVE + " and (c.productionServer.id in :ids or c.backupServer.id in :ids)")
public class HostingContract extends GeneratedId {

    static final String PAGE = "HostingContract.page", PAGE_OF_TENANT = "HostingContract.pageOfTenant",
            COUNT = "HostingContract.count", COUNT_OF_TENANT = "HostingContract.countOfTenant",
            LOAD_OF = "HostingContract.loadOf", OVERLAPPING = "HostingContract.overlapping",
            ON_SERVER = "HostingContract.onServer", TENANTS_WITH_CONTRACT = "HostingContract.tenantsWithContract";
    /** The live contracts of a page of tenants, their servers fetched with them (the certificate batch). */
    static final String LIVE_OF_TENANTS = "HostingContract.liveOfTenants";
    /** {@link #ON_SERVER}'s columns for every server at once, the server first (the worst case of all plans). */
    static final String ON_PRODUCTION_SERVERS = "HostingContract.onProductionServers";
    /** Each live contract's tenant with its production and backup data centres (who a sub-processor change concerns). */
    static final String SITES_OF_TENANTS = "HostingContract.sitesOfTenants";
    /** The tenants with a live contract on one of the servers (production or backup): told of their status. */
    static final String TENANTS_ON_SERVERS = "HostingContract.tenantsOnServers";

    /** The queries' one copy of what a live contract is: one that is not terminated. */
    static final String LIVE = "c.status <> fr.gestan.cloud.hosting.api.ContractStatus.TERMINATED";
    /** The contracts with their two servers fetched (the pages, the certificate batch). */
    static final String WITH_SERVERS = "select c from HostingContract c join fetch c.productionServer join fetch c.backupServer";
    /** A contract's share of a server's load ({@link #ON_SERVER}, {@link #ON_PRODUCTION_SERVERS}), in {@link #BY_START} order. */
    static final String LOAD_COLUMNS = "c.id, c.tenantSiren, c.serviceLevel, c.dataVolumeGb, c.startsOn";
    static final String BY_START = " order by c.startsOn, c.id";

    private String tenantSiren;
    private String offer;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private boolean autoRenew;
    @Enumerated(EnumType.STRING)
    private ServiceLevel serviceLevel;
    @ManyToOne(optional = false)
    private HostingServer productionServer;
    @ManyToOne(optional = false)
    private HostingServer backupServer;
    private int dataVolumeGb;
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    private Instant createdAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "contract", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<ContractEvent> history = new ArrayList<>();

    protected HostingContract() {
    }

    HostingContract(String tenantSiren, String offer, LocalDate startsOn, LocalDate endsOn, boolean autoRenew,
                    ServiceLevel serviceLevel, HostingServer productionServer, HostingServer backupServer,
                    int dataVolumeGb, String actor, Instant now) {
        this.tenantSiren = Checks.required(tenantSiren, "tenant");
        this.offer = Checks.required(offer, "offer");
        this.startsOn = Objects.requireNonNull(startsOn, "start date");
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new HostingRefusedException(Reason.END_BEFORE_START, endsOn + " < " + startsOn);
        }
        this.endsOn = endsOn;
        this.autoRenew = autoRenew;
        this.serviceLevel = Objects.requireNonNull(serviceLevel, "service level");
        if (dataVolumeGb < 0) {
            throw new IllegalArgumentException("data volume must not be negative");
        }
        this.dataVolumeGb = dataVolumeGb;
        checkServers(productionServer, backupServer);
        this.productionServer = productionServer;
        this.backupServer = backupServer;
        this.status = ContractStatus.DRAFT;
        this.createdAt = now;
        history.add(new ContractEvent(this, now, "CREATED", actor,
                productionServer.name() + " / " + backupServer.name()));
    }

    /** Production on a production server, backup on a backup server in another data centre. */
    static void checkServers(HostingServer production, HostingServer backup) {
        if (production == null || backup == null) {
            throw new IllegalArgumentException("both servers are required");
        }
        if (production.role() != ServerRole.PRODUCTION) {
            throw new HostingRefusedException(Reason.WRONG_ROLE, production.name());
        }
        if (backup.role() != ServerRole.BACKUP) {
            throw new HostingRefusedException(Reason.WRONG_ROLE, backup.name());
        }
        if (production.dataCentre().code().equals(backup.dataCentre().code())) {
            throw new HostingRefusedException(Reason.BACKUP_SAME_SITE, backup.dataCentre().code());
        }
    }

    void activate(String actor, Instant now) {
        if (status != ContractStatus.DRAFT) {
            throw new HostingRefusedException(Reason.ILLEGAL_TRANSITION, status + " → " + ContractStatus.ACTIVE);
        }
        status = ContractStatus.ACTIVE;
        history.add(new ContractEvent(this, now, "ACTIVATED", actor, null));
    }

    void terminate(String actor, Instant now, String reason) {
        if (status == ContractStatus.TERMINATED) {
            throw new HostingRefusedException(Reason.ILLEGAL_TRANSITION, status + " → " + ContractStatus.TERMINATED);
        }
        status = ContractStatus.TERMINATED;
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        if (endsOn == null || endsOn.isAfter(today)) {
            endsOn = today.isBefore(startsOn) ? startsOn : today;
        }
        history.add(new ContractEvent(this, now, "TERMINATED", actor, Checks.required(reason, "reason")));
    }

    /** Moves the tenant to another production server (the caller has checked its room). */
    void moveTo(HostingServer target, String actor, Instant now, String reason) {
        if (status == ContractStatus.TERMINATED) {
            throw new HostingRefusedException(Reason.ILLEGAL_TRANSITION, "TERMINATED → MOVED");
        }
        if (target.id().equals(productionServer.id())) {
            throw new HostingRefusedException(Reason.SAME_SERVER, target.name());
        }
        checkServers(target, backupServer);
        String from = productionServer.name();
        productionServer = target;
        history.add(new ContractEvent(this, now, "MOVED", actor,
                from + " → " + target.name() + " : " + Checks.required(reason, "reason")));
    }

    String tenantSiren() {
        return tenantSiren;
    }

    ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    int dataVolumeGb() {
        return dataVolumeGb;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    HostingServer productionServer() {
        return productionServer;
    }

    HostingServer backupServer() {
        return backupServer;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<ContractEvent> history() {
        return history;
    }

    ContractView toView() {
        return new ContractView(id(), tenantSiren, offer, startsOn, endsOn, autoRenew, serviceLevel,
                productionServer.id(), productionServer.name(), productionServer.dataCentre().code(),
                backupServer.id(), backupServer.name(), backupServer.dataCentre().code(), dataVolumeGb, status);
    }
}

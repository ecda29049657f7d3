package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A server of the offer in a data centre: production (tenants' ERP) or backup, with a capacity in tenants. */
@Entity
@jakarta.persistence.EntityListeners({StatusBoardCache.Listener.class, WorstCaseCache.Listener.class, ServersCache.Listener.class}) // the status board, the recovery worst case, the servers
@Table(name = "hosting_server")
@NamedQuery(name = HostingServer.ALL, query = HostingServer.WITH_SITE + HostingServer.BY_NAME_ORDER)
@NamedQuery(name = HostingServer.BY_ROLE, query = HostingServer.WITH_SITE + " where s.role = :role" + HostingServer.BY_NAME_ORDER)
@NamedQuery(name = HostingServer.BY_STATE, query = HostingServer.WITH_SITE + " where s.state = :state" + HostingServer.BY_NAME_ORDER)
@NamedQuery(name = HostingServer.COUNT, query = "select count(s) from HostingServer s")
@NamedQuery(name = HostingServer.COUNT_BY_NAME, query = "select count(s) from HostingServer s where lower(s.name) = lower(:name)")
@NamedQuery(name = HostingServer.BY_IDS, query = HostingServer.WITH_SITE + " where s.id in :ids" + HostingServer.BY_NAME_ORDER)
@NamedQuery(name = HostingServer.BY_TOKEN, query = HostingServer.WITH_SITE + " where s.tokenHash = :hash")
@NamedQuery(name = HostingServer.LAST_REPORTS, query = "select s.id,"
        + " (select max(m.receivedAt) from ServerMetric m where m.server = s),"
        + " (select max(e.receivedAt) from AgentEventRecord e where e.server = s) from HostingServer s")
@NamedQuery(name = HostingServer.BY_NAME, query = HostingServer.WITH_SITE + " where s.name = :name")
public class HostingServer extends GeneratedId {

    static final String ALL = "HostingServer.all", BY_ROLE = "HostingServer.byRole",
            COUNT_BY_NAME = "HostingServer.countByName", COUNT = "HostingServer.count", BY_IDS = "HostingServer.byIds",
            BY_TOKEN = "HostingServer.byToken", BY_NAME = "HostingServer.byName",
            LAST_REPORTS = "HostingServer.lastReports";
    /** The servers in one state (the alerts: the degraded ones, usually none). */
    static final String BY_STATE = "HostingServer.byState";
    /** The servers with their data centre (every view of a server shows its site). */
    static final String WITH_SITE = "select s from HostingServer s join fetch s.dataCentre";
    static final String BY_NAME_ORDER = " order by s.name";

    private String name;
    @ManyToOne(optional = false)
    private DataCentre dataCentre;
    @Enumerated(EnumType.STRING)
    private ServerRole role;
    private String profile;
    private int capacity;
    @Enumerated(EnumType.STRING)
    private ServerState state;
    private String tokenHash;
    private java.time.Instant commissionedAt;

    protected HostingServer() {
    }

    public HostingServer(String name, DataCentre dataCentre, ServerRole role, String profile, int capacity) {
        this.name = Checks.required(name, "name");
        if (dataCentre == null || role == null) {
            throw new IllegalArgumentException("data centre and role are required");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.dataCentre = dataCentre;
        this.role = role;
        this.profile = Checks.required(profile, "profile");
        this.capacity = capacity;
        this.state = ServerState.OPERATIONAL;
        this.commissionedAt = java.time.Instant.now();
    }

    /** When the server was commissioned: before, it did not exist (not applicable on /status and in availability). */
    java.time.Instant commissionedAt() {
        return commissionedAt;
    }

    /** Demo data: servers in service long before the demo's database was seeded. */
    void commissionedAt(java.time.Instant when) {
        this.commissionedAt = java.util.Objects.requireNonNull(when);
    }

    String name() {
        return name;
    }

    DataCentre dataCentre() {
        return dataCentre;
    }

    ServerRole role() {
        return role;
    }

    int capacity() {
        return capacity;
    }

    ServerState state() {
        return state;
    }

    void changeState(ServerState newState) {
        if (newState == null) {
            throw new IllegalArgumentException("state is required");
        }
        this.state = newState;
    }

    /** A server with a monitoring token is expected to report; its silence then means "no data". */
    boolean monitored() {
        return tokenHash != null;
    }

    /** Stores only the SHA-256 of a newly issued monitoring token. */
    void useMonitoringToken(String token) {
        this.tokenHash = sha256(token);
    }

    /**
     * Compares in constant time; a server without a token accepts none. The demo token is published (docs): outside
     * demo mode it is refused even if a database seeded in demo mode still holds it.
     */
    boolean acceptsMonitoringToken(String token) {
        if (tokenHash == null || token == null || token.isEmpty()) {
            return false;
        }
        if (!fr.gestan.cloud.common.DemoMode.enabled() && ContractsDemoData.DEMO_MONITORING_TOKEN.equals(token)) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash.getBytes(StandardCharsets.US_ASCII),
                sha256(token).getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ServerView toView(long load) {
        return new ServerView(id(), name, dataCentre.code(), dataCentre.city(), role, profile, capacity, load, state);
    }
}

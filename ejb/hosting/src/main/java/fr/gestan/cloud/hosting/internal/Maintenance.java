package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.MaintenanceState;
import fr.gestan.cloud.hosting.api.MaintenanceView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A maintenance window announced ahead of time: scheduled → in progress → completed. */
@Entity
@jakarta.persistence.EntityListeners(StatusBoardCache.Listener.class) // the public status board is computed from it
@Table(name = "status_maintenance")
@NamedQuery(name = Maintenance.OPEN, query = "select distinct m from Maintenance m left join fetch m.servers"
        + " where m.state <> fr.gestan.cloud.hosting.api.MaintenanceState.COMPLETED order by m.startsAt")
public class Maintenance extends GeneratedId {

    static final String OPEN = "Maintenance.open";

    private String title;
    private String description;
    private Instant startsAt;
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private MaintenanceState state;
    private String createdBy;
    @Version
    private long version;
    @ManyToMany
    @JoinTable(name = "status_maintenance_server", joinColumns = @JoinColumn(name = "maintenance_id"),
            inverseJoinColumns = @JoinColumn(name = "server_id"))
    private Set<HostingServer> servers = new HashSet<>();

    protected Maintenance() {
    }

    Maintenance(String title, String description, Instant startsAt, Instant endsAt, Set<HostingServer> servers, String author) {
        this.title = Checks.required(title, "title");
        this.description = Checks.required(description, "description");
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new HostingRefusedException(Reason.END_BEFORE_START, startsAt + " / " + endsAt);
        }
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("servers are required");
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.servers.addAll(servers);
        this.state = MaintenanceState.SCHEDULED;
        this.createdBy = Checks.required(author, "author");
    }

    void advance() {
        state = switch (state) {
            case SCHEDULED -> MaintenanceState.IN_PROGRESS;
            case IN_PROGRESS -> MaintenanceState.COMPLETED;
            case COMPLETED -> throw new HostingRefusedException(Reason.ILLEGAL_STATUS, "COMPLETED");
        };
    }

    MaintenanceState state() {
        return state;
    }

    Set<HostingServer> servers() {
        return servers;
    }

    MaintenanceView toView() {
        return new MaintenanceView(id(), title, description, startsAt, endsAt, state,
                servers.stream().map(HostingServer::name).sorted().toList());
    }
}

package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * A record made about one server for its whole life (a measurement, a recovery drill): its generated id and its
 * server, fixed at creation, are mapped once here.
 */
@MappedSuperclass
public abstract class ServerRecord extends GeneratedId {

    @ManyToOne(optional = false)
    @JoinColumn(name = "server_id", nullable = false)
    private HostingServer server;

    protected ServerRecord() {
        // for JPA
    }

    protected ServerRecord(HostingServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    protected HostingServer server() {
        return server;
    }
}

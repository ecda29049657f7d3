package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Finds servers and contracts by id, or refuses with NOT_FOUND. */
final class ServerLookup {

    private ServerLookup() {
    }

    static HostingServer find(EntityManager em, long id) {
        HostingServer server = em.find(HostingServer.class, id);
        if (server == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "server " + id);
        }
        return server;
    }

    /** Locks the server row so that two placements cannot both take its last place. */
    static HostingServer lock(EntityManager em, long id) {
        HostingServer server = find(em, id);
        // A separate "select ... for update" of the row alone: a locking find would join the data centre, which
        // PostgreSQL cannot lock in one statement (Hibernate then warns on every placement and locks in two steps anyway).
        em.lock(server, LockModeType.PESSIMISTIC_WRITE);
        return server;
    }

    static HostingContract contract(EntityManager em, long id) {
        HostingContract contract = em.find(HostingContract.class, id);
        if (contract == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "contract " + id);
        }
        return contract;
    }
}

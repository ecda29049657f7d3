package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.function.Supplier;

/**
 * What waits for staff on the back-office dashboard's requests tile at each view: the open change requests
 * ({@link TenantServiceBean#openChangeRequestCount()}) and the hosted accounts whose client asked for a new password
 * ({@link HostedAccountsBean#pendingResetRequestCount()}). Each is kept {@value #FRESH_MILLIS} ms on this node, as the
 * tenant count ({@link TenantCountCache}), and void at once when this node writes a change request or a hosted account
 * ({@link Listener}); another node's writes show within {@value #FRESH_MILLIS} ms (docs/performance.md, "staff tenant
 * pages and dashboards (pages10t)": two of the dashboard's nine statements).
 */
final class PendingCountsCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<Long> OPEN_CHANGE_REQUESTS = new NodeMemo<>(FRESH_MILLIS);
    private static final NodeMemo<Long> RESET_REQUESTS = new NodeMemo<>(FRESH_MILLIS);

    private PendingCountsCache() {
    }

    static long openChangeRequests(Supplier<Long> count) {
        return OPEN_CHANGE_REQUESTS.get(count);
    }

    static long resetRequests(Supplier<Long> count) {
        return RESET_REQUESTS.get(count);
    }

    /** On {@link ChangeRequest} and {@link HostedAccount}: a request made, taken, closed; a reset asked for or done. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            if (entity instanceof ChangeRequest) {
                OPEN_CHANGE_REQUESTS.changed();
            } else {
                RESET_REQUESTS.changed();
            }
        }
    }
}

package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.lease.OnEveryNode;
import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.PublicStatusBoard;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 2 s, computes ahead ({@link NodeMemo#ahead}) the node's kept values that the public pages read at each view:
 * the status board (/status, {@link StatusBoardCache}), every server with its load and the recovery worst case
 * (/trust's statement, {@link ServersCache}, {@link WorstCaseCache}). Without it the view that found one of them
 * older than its 5 s window computed it (the worst case reads every live contract: 10,000 at scale) while the
 * visitor waited: one view in ten of /trust in the harness, its p95 (docs/performance.md, 4.23). Only what requests
 * read in the last minute is computed.
 */
@Singleton
@PermitAll
@RunAs(Roles.AUDITOR) // the servers' list and the worst case are staff reads (read-only)
public class PublicMemosAhead {

    private static final Logger LOG = Logger.getLogger(PublicMemosAhead.class.getName());

    @EJB
    PublicStatusBoard board;
    @EJB
    HostingInventory inventory;
    @EJB
    RecoveryPlans recovery;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "public-memos-ahead")
    @OnEveryNode(why = "the values are kept in each node's memory: each node computes its own")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each read in a transaction of its own
    void everyTwoSeconds() {
        try {
            NodeMemo.ahead(() -> {
                board.current();
                inventory.servers();
                recovery.worstCase();
            });
        } catch (RuntimeException e) {
            // the database away, say: the views compute what they need, as without this timer
            LOG.log(Level.FINE, "Could not compute the public pages' kept values ahead", e);
        }
    }
}

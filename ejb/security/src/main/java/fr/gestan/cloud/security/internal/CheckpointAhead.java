package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.lease.OnEveryNode;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 2 s, on every node: the newest journal checkpoint that /verify proves certificates in, opened (signature
 * checked with the published key set) ahead of the requests, as the public pages' kept values are
 * ({@code PublicMemosAhead}, docs/performance.md 4.23 and 4.37). Only while requests read it (NodeMemo.ahead).
 */
@Singleton
@DependsOn("SecuritySchema")
public class CheckpointAhead {

    private static final Logger LOG = Logger.getLogger(CheckpointAhead.class.getName());

    @EJB
    JournalLog log;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "journal-checkpoint-ahead")
    @OnEveryNode(why = "the opened checkpoint is kept in each node's memory: each node opens its own")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyTwoSeconds() {
        try {
            JournalProofsBean.openAhead(log);
        } catch (RuntimeException e) {
            // the database away, say: the views open it themselves, as without this timer
            LOG.log(Level.FINE, "Could not open the newest journal checkpoint ahead", e);
        }
    }
}

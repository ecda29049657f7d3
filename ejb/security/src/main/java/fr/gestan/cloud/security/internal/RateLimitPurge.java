package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.lease.OnEveryNode;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every minute, deletes the rate-limit buckets that are full again (a full bucket is the same as none), in batches
 * of {@value #BATCH}, so the table holds only clients active in the last minutes. Every node runs it; a second run
 * finds nothing to delete.
 */
@Singleton
@DependsOn("SecuritySchema") // its timer must not run before the table exists
public class RateLimitPurge {

    static final int BATCH = 10_000;
    private static final int MAX_BATCHES = 20;

    private static final Logger LOG = Logger.getLogger(RateLimitPurge.class.getName());

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @OnEveryNode(why = "deletes the buckets that are full again: a second node finds nothing left to delete")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one short transaction per batch (auto-commit)
    void purge() {
        try (Connection connection = dataSource.getConnection()) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < MAX_BATCHES && TokenBuckets.purge(connection, now, BATCH) == BATCH; i++) {
                // a burst of many addresses: keep deleting, a batch at a time
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge the rate-limit table; the next run retries", e);
        }
    }
}

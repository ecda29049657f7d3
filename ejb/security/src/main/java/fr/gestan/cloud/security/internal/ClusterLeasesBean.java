package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.lease.ClusterLeases;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The {@code singleton_lease} rows ({@link SingletonLease}) for the other modules' cluster-wide work. Outside any
 * container transaction ({@code NOT_SUPPORTED}): each call commits its own JDBC transaction, as the journal's
 * sequencer does.
 */
@Stateless
@PermitAll // background work runs without a caller identity
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterLeasesBean implements ClusterLeases {

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    public boolean hold(String name, String holder, long durationMs) {
        SingletonLease lease = lease(name, holder, durationMs);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean held = lease.holdWithin(c);
                c.commit();
                return held;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EJBException("lease " + name + " unavailable", e);
        }
    }

    @Override
    public void release(String name, String holder) {
        try (Connection c = dataSource.getConnection()) {
            lease(name, holder, 0).release(c);
        } catch (SQLException e) {
            throw new EJBException("lease " + name + " not released", e);
        }
    }

    private static SingletonLease lease(String name, String holder, long durationMs) {
        if (name == null || name.isBlank() || name.length() > 64 || holder == null || holder.isBlank() || holder.length() > 200) {
            throw new IllegalArgumentException("a lease name of 1 to 64 characters and a holder of 1 to 200 are required");
        }
        return new SingletonLease(name, holder, durationMs, System::currentTimeMillis);
    }
}

package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.security.api.RateLimits;
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
 * The shared rate limits (see {@link TokenBuckets}). REQUIRES_NEW: the bucket's row lock lasts only this short
 * transaction, never the caller's request, and a refused request still spends its token.
 */
@Stateless
@PermitAll // public endpoints call it, before anyone signs in
public class RateLimitsBean implements RateLimits {

    static final int MAX_KEY = 200;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Decision acquire(String scope, String key, int capacity, int perMinute) {
        if (scope == null || !scope.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("scope must be a short lower-case name: " + scope);
        }
        String bucketKey = bucketKey(scope, key);
        try (Connection connection = dataSource.getConnection()) {
            return TokenBuckets.acquire(connection, bucketKey, capacity, perMinute, System.currentTimeMillis());
        } catch (SQLException e) {
            throw new EJBException("rate limit unavailable", e);
        }
    }

    static String bucketKey(String scope, String key) {
        String who = key == null ? "-" : key;
        String bucketKey = scope + ":" + who;
        return bucketKey.length() <= MAX_KEY ? bucketKey : bucketKey.substring(0, MAX_KEY);
    }
}

package fr.gestan.cloud.common.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready} on the management port) is DOWN while the database cannot be reached: a load
 * balancer then stops sending traffic here, and the operator sees why. WildFly's own checks only covered the
 * server and the deployment (a PostgreSQL outage after deployment stayed UP). It lives in the EAR's lib/: WildFly's
 * health extension looks for checks from the EAR's top-level bean archive, which does not see the WAR's beans.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}

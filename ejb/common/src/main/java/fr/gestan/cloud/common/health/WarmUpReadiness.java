package fr.gestan.cloud.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready}) is DOWN while the warm-up after deployment runs ({@link WarmUp}): run.sh, a load
 * balancer or Kubernetes then send the first visitor to a server whose pages are already built. A warm-up that gave up
 * does not hold readiness (UP, with its reason): the pages are then built on first use, as before. In the EAR's
 * {@code lib/} for the reason given on {@link DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    static final String NAME = "warm-up";

    @Override
    public HealthCheckResponse call() {
        WarmUp.Report report = WarmUp.report();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(report.state() != WarmUp.State.RUNNING)
                .withData("state", report.state().name().toLowerCase(java.util.Locale.ROOT));
        if (report.state() == WarmUp.State.DONE || report.state() == WarmUp.State.FAILED) {
            response.withData("pages", report.pages()).withData("resources", report.resources())
                    .withData("fonts", report.fonts()).withData("milliseconds", report.millis());
        }
        if (report.reason() != null) {
            response.withData("reason", report.reason());
        }
        return response.build();
    }
}

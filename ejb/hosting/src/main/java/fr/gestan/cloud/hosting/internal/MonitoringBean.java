package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricView;
import fr.gestan.cloud.hosting.api.MetricsReceipt;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class MonitoringBean extends HostingServiceBase implements Monitoring {

    /** The columns {@link #importHistory} fills, in the order of {@link #row}. */
    private static final List<String> COLUMNS = List.of("server_id", "measured_at", "cpu_percent", "disk_percent",
            "memory_percent", "received_at");

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    // current() is @PermitAll: the ingest is anonymous (a server's token, no user).
    @EJB
    SecurityPolicies policies;

    @Override
    @PermitAll
    public MetricsReceipt ingest(long serverId, String token, MetricSample sample) {
        HostingServer server = em.find(HostingServer.class, serverId);
        // Same answer for an unknown server and a wrong token: the API does not reveal which servers exist.
        if (server == null || !server.acceptsMonitoringToken(token)) {
            throw new MetricsRejectedException(401, "invalid-token", "Unknown server or wrong monitoring token.");
        }
        Instant now = Instant.now();
        MetricRules.validate(sample, now);
        List<String> exceeded = apply(em, server, sample, policies.current().settings(), now);
        return new MetricsReceipt(serverId, server.state(), exceeded);
    }

    /**
     * Stores a checked measurement and moves the server's state by the policy's thresholds; shared by this ingest
     * and the agent API's {@code metrics} events.
     */
    static List<String> apply(EntityManager em, HostingServer server, MetricSample sample, PolicySettings policy, Instant now) {
        em.persist(new ServerMetric(server, sample.measuredAt(), sample.cpuPercent().setScale(2, RoundingMode.HALF_UP),
                sample.diskPercent().setScale(2, RoundingMode.HALF_UP), sample.memoryPercent().setScale(2, RoundingMode.HALF_UP), now));
        StatusBoardCache.reported(server.id()); // silent until now: the public board shows it again
        List<String> exceeded = MetricRules.exceeded(sample, MetricRules.Thresholds.of(policy));
        if (!exceeded.isEmpty()) {
            server.changeState(ServerState.DEGRADED_PERFORMANCE);
        } else if (server.state() == ServerState.DEGRADED_PERFORMANCE) {
            server.changeState(ServerState.OPERATIONAL);
        }
        return exceeded;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public int importHistory(long serverId, List<MetricSample> samples) {
        HostingServer server = em.find(HostingServer.class, serverId);
        if (server == null) {
            throw new MetricsRejectedException(404, "unknown-server", "No server " + serverId + ".");
        }
        Instant now = clock.instant();
        Duration maxAge = Duration.ofDays(HISTORY_DAYS);
        samples.forEach(sample -> MetricRules.validate(sample, now, maxAge));
        if (samples.isEmpty()) {
            return 0;
        }
        // On the persistence unit's connection (the same transaction), rows rather than entities: an identity id per
        // persisted entity would cost a round trip for each of the 25,920 measurements of 90 days. PostgreSQL takes them
        // in one COPY (its checks, foreign key and indexes as for an INSERT), H2 in JDBC batches (JdbcBatches.copyAll).
        LocalDateTime received = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            JdbcBatches.copyAll(c, "server_metric", COLUMNS, samples, sample -> row(serverId, sample, received));
        } catch (SQLException e) {
            throw new EJBException("the database refused the measurements of server " + serverId, e);
        }
        Instant from = samples.stream().map(MetricSample::measuredAt).min(Instant::compareTo).orElseThrow();
        Instant to = samples.stream().map(MetricSample::measuredAt).max(Instant::compareTo).orElseThrow();
        journal.record(new JournalEvent("METRICS_IMPORTED", null, "server " + serverId, JournalEvent.Outcome.SUCCESS,
                samples.size() + " measurements from " + from + " to " + to));
        return samples.size();
    }

    /** An imported measurement's row: the values stored as the ingest stores them (2 decimals, UTC times). */
    private static Object[] row(long serverId, MetricSample sample, LocalDateTime received) {
        return new Object[] {serverId, LocalDateTime.ofInstant(sample.measuredAt(), ZoneOffset.UTC),
                sample.cpuPercent().setScale(2, RoundingMode.HALF_UP), sample.diskPercent().setScale(2, RoundingMode.HALF_UP),
                sample.memoryPercent().setScale(2, RoundingMode.HALF_UP), received};
    }

    @Override
    public List<MetricView> recent(long serverId, int max) {
        List<MetricView> views = new ArrayList<>(em.createNamedQuery(ServerMetric.LATEST_OF, ServerMetric.class)
                .setParameter("server", serverId).setMaxResults(max).getResultList().stream().map(ServerMetric::toView).toList());
        java.util.Collections.reverse(views);
        return views;
    }

    @Override
    public List<ServerView> alerts() {
        // the same for every caller: kept a few seconds per node, void at this node's writes of a server (StatusBoardCache)
        return StatusBoardCache.alerts(() -> {
            List<HostingServer> degraded = em.createNamedQuery(HostingServer.BY_STATE, HostingServer.class)
                    .setParameter("state", ServerState.DEGRADED_PERFORMANCE).getResultList();
            if (degraded.isEmpty()) {
                return List.of(); // usually: the loads count every live contract twice, for nothing to show
            }
            Map<Long, Long> loads = Loads.of(em);
            return degraded.stream().map(s -> s.toView(loads.getOrDefault(s.id(), 0L))).toList();
        });
    }
}

package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.MetricView;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One measurement of a server's CPU, disk and memory use. */
@Entity
@Table(name = "server_metric")
@NamedQuery(name = ServerMetric.TIMES_OF, query = "select m.measuredAt from ServerMetric m where m.server.id = :server"
        + " and m.measuredAt >= :from and m.measuredAt < :to")
@NamedQuery(name = ServerMetric.LATEST_OF, query = "select m from ServerMetric m where m.server.id = :server order by m.measuredAt desc, m.id desc")
public class ServerMetric extends ServerRecord {

    static final String TIMES_OF = "ServerMetric.timesOf", LATEST_OF = "ServerMetric.latestOf";

    private Instant measuredAt;
    private BigDecimal cpuPercent;
    private BigDecimal diskPercent;
    private BigDecimal memoryPercent;
    private Instant receivedAt;

    protected ServerMetric() {
    }

    ServerMetric(HostingServer server, Instant measuredAt, BigDecimal cpu, BigDecimal disk, BigDecimal memory, Instant receivedAt) {
        super(server);
        this.measuredAt = measuredAt;
        this.cpuPercent = cpu;
        this.diskPercent = disk;
        this.memoryPercent = memory;
        this.receivedAt = receivedAt;
    }

    MetricView toView() {
        return new MetricView(measuredAt, cpuPercent, diskPercent, memoryPercent);
    }
}

package fr.gestan.cloud.compliance.internal.report;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * Evaluates every tenant once a day (03:15 Paris time, non-persistent timer: a missed night is simply run the next one) and
 * stores the reports, one page of {@value #PAGE} tenants per transaction, then removes the rows of tenants that no
 * longer exist; also once 20 s after deployment when nothing is stored yet. Runs as {@code support} (the role that may refresh). One run at a time: a second start while a run
 * is going returns at once.
 */
@Singleton
@Startup
@Local(ComplianceReportJob.class)
@RunAs(Roles.SUPPORT)
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Interceptors(ClusterOnce.class)
public class DailyComplianceReport implements ComplianceReportJob {

    static final int PAGE = 50;
    /** One node runs the timers' reports (the first one and the nightly one); a run takes minutes at most. */
    static final String LEASE = "compliance-report";
    private static final Logger LOG = Logger.getLogger(DailyComplianceReport.class.getName());

    @EJB
    ComplianceReports reports;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();

    @Resource
    TimerService timers;

    /** After deployment: a first run when nothing is stored yet, so that the dashboard has data on a new system. */
    @PostConstruct
    void scheduleFirstRun() {
        timers.createSingleActionTimer(Long.getLong("gestan.compliance.first-report-delay-ms", 20_000L), new TimerConfig("first compliance report", false));
    }

    @Timeout
    @OncePerCluster(lease = LEASE, holdSeconds = 1800)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void firstRun(Timer timer) {
        if (reports.summary().tenants() == 0) {
            run(done -> { });
        }
    }

    @OncePerCluster(lease = LEASE, holdSeconds = 1800)
    @Schedule(hour = "3", minute = "15", timezone = Paris.ZONE_ID, persistent = false, info = "daily compliance report")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        run(done -> { });
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int runNow(IntConsumer progress) {
        return run(progress);
    }

    private int run(IntConsumer progress) {
        if (!running.compareAndSet(false, true)) {
            return -1;
        }
        try {
            Instant start = clock.instant();
            int total = 0;
            for (int first = 0; ; first += PAGE) {
                int n = reports.refresh(first, PAGE);
                total += n;
                progress.accept(total);
                if (n < PAGE) {
                    break;
                }
            }
            int pruned = reports.prune(start);
            int evaluated = total;
            LOG.info(() -> "Compliance report: " + evaluated + " tenants evaluated in "
                    + Duration.between(start, clock.instant()).toMillis() + " ms, " + pruned + " stale rows removed");
            return total;
        } finally {
            running.set(false);
        }
    }

    @Override
    public boolean running() {
        return running.get();
    }
}

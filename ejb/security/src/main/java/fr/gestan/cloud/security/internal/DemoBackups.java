package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.security.api.ServerControls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Demo mode only: plays the part of the backup system, which in production reports each night's verified backup
 * of every production server to the controls ({@code POST} from the backup tooling). Without it the demo's servers
 * would have no backup evidence, rule R6 would block every demo company and no certificate could be issued.
 * Records, as {@value #ACTOR}, a verified backup to the backup site for each demo production server whose backup
 * control is not OK: shortly after deployment, then every night. Off when {@code gestan.demo.backups=false}.
 */
@Startup
@Singleton
@PermitAll
@RunAs(Roles.ADMIN)
@RunAsPrincipal(DemoBackups.ACTOR)
@Interceptors(ClusterOnce.class)
public class DemoBackups {

    static final String ACTOR = "demo-backup-system";
    /** The contracts module's demo production servers and their backup site. */
    static final List<String> DEMO_PRODUCTION_SERVERS = List.of("GC-PROD-01", "GC-PROD-02", "GC-PROD-03");
    static final String BACKUP_SITE = "DC5";
    /** One node records the backups: two would both find a control not OK and record two backups. */
    static final String LEASE = "demo-backups";
    private static final Logger LOG = Logger.getLogger(DemoBackups.class.getName());

    @Resource
    TimerService timers;
    @EJB
    ServerControls controls;

    @PostConstruct
    void scheduleFirstRun() {
        if (enabled()) {
            timers.createSingleActionTimer(20_000, new TimerConfig("demo-backups-first", false));
        }
    }

    @Timeout
    @OncePerCluster(lease = LEASE, holdSeconds = 1800)
    void firstRun() {
        recordMissingBackups();
    }

    @OncePerCluster(lease = LEASE, holdSeconds = 1800)
    @Schedule(hour = "2", minute = "30", timezone = Paris.ZONE_ID, persistent = false, info = "demo-backups-nightly")
    void nightly() {
        if (enabled()) {
            recordMissingBackups();
        }
    }

    void recordMissingBackups() {
        Instant lastNight = Instant.now().minus(1, ChronoUnit.HOURS);
        for (String server : DEMO_PRODUCTION_SERVERS) {
            boolean backupOk = controls.controlsOf(server).stream()
                    .anyMatch(c -> c.control() == ServerControls.Control.BACKUP && c.status() == ServerControls.Status.OK);
            if (!backupOk) {
                controls.recordBackup(server, lastNight, 42L * 1024 * 1024 * 1024, BACKUP_SITE, true);
                LOG.info(() -> "Demo: verified backup of " + server + " recorded");
            }
        }
    }

    private static boolean enabled() {
        return DemoMode.enabled() && Boolean.parseBoolean(System.getProperty("gestan.demo.backups", "true"));
    }
}

package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Demo mode only: plays GC-PROD-01's agent, which in production posts its metrics every few minutes. It goes
 * through the same door as a real agent (the agent API with the server's demo token), so the demo's status page shows
 * a monitored server that reports, rather than one gone silent ("no data") a few minutes after start. It also plays the
 * contractor's hypervisor and backup system ({@link #reportEvidence}). Off when {@code gestan.demo.agent=false}.
 */
@Startup
@Singleton
// A round that outlasts the next timer (a loaded machine at deployment) skips that one instead of queueing on the
// singleton's lock until the container gives up with an error (WFLYEJB0020 at start-up).
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
@Interceptors(ClusterOnce.class)
public class DemoAgent {

    /** One node plays the agent; three rounds, so the holder keeps it while it lives. */
    static final String LEASE = "demo-agent";
    private static final Logger LOG = Logger.getLogger(DemoAgent.class.getName());

    @Resource
    TimerService timers;
    @EJB
    AgentEvents agentEvents;

    @PostConstruct
    void scheduleFirstRun() {
        if (enabled()) {
            timers.createSingleActionTimer(20_000, new TimerConfig("demo-agent-first", false));
        }
    }

    @Timeout
    @OncePerCluster(lease = LEASE, holdSeconds = 900)
    void firstRun() {
        report();
    }

    @OncePerCluster(lease = LEASE, holdSeconds = 900)
    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "demo-agent")
    void everyFiveMinutes() {
        if (enabled()) {
            report();
        }
    }

    private final AtomicBoolean reporting = new AtomicBoolean();

    void report() {
        if (!reporting.compareAndSet(false, true)) {
            LOG.fine("Demo agent: the previous round is still running, this one is skipped");
            return;
        }
        try {
            reportRound();
        } finally {
            reporting.set(false);
        }
    }

    private void reportRound() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // The id is the minute: a retry in the same minute is a duplicate, as with a real agent.
        AgentEvent metrics = new AgentEvent("demo-metrics-" + now, "metrics", Map.of("occurredAt", now.toString(),
                "cpuPercent", "23.5", "diskPercent", "41", "memoryPercent", "62"));
        // the rule set nft lists on GC-PROD-01: reported once (same id, then "duplicate"); staff approve it on the
        // controls page, until then the firewall control asks for an approval
        AgentEvent firewall = new AgentEvent("demo-nft-" + DEMO_RULE_SET.substring(0, 16), "firewall_applied",
                Map.of("occurredAt", now.toString(), "ruleSetSha256", DEMO_RULE_SET));
        post(ContractsDemoData.DEMO_MONITORING_TOKEN, List.of(metrics, firewall));
        // the contractor's DDoS watch: an attack two days ago, mitigated in 1 h 15 (one a day, the id is its date)
        Instant attack = now.truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        post(ContractsDemoData.DEMO_REPORTER_TOKEN, List.of(new AgentEvent("demo-ddos-" + attack, "ddos", Map.of("server", "GC-PROD-01",
                "occurredAt", attack.toString(), "mitigatedAt", attack.plus(75, ChronoUnit.MINUTES).toString(), "vector", "UDP flood"))));
        if (evidenceEnabled()) {
            reportEvidence(now);
        }
    }

    /** The demo production servers whose snapshots and backups the contractor reports. */
    static final List<String> DEMO_PRODUCTION_SERVERS = List.of("GC-PROD-01", "GC-PROD-02", "GC-PROD-03");
    /** Where the demo's backups go (the backup site's data centre). */
    static final String BACKUP_SITE = "DC5";

    /**
     * The demo's evidence of rule R6, through the same door as production's (the agent API, as reporters, never a
     * staff form): the contractor Netsyst reports a hypervisor snapshot of each demo production server every day at
     * 03:00 UTC and a verified backup to DC5 every 6 hours; GC-PROD-01's agent reports its daily package update 10
     * minutes after the snapshot. Ids are the day or the 6-hour slot, so each round after the first is a duplicate.
     * Without it the demo's certificates would be refused: a certificate states only what we can prove.
     */
    void reportEvidence(Instant now) {
        Instant day = now.minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.DAYS);
        Instant snapshotAt = day.plus(3, ChronoUnit.HOURS);
        Instant slot = now.truncatedTo(ChronoUnit.DAYS).plus(now.atZone(java.time.ZoneOffset.UTC).getHour() / 6 * 6L, ChronoUnit.HOURS);
        List<AgentEvent> contractor = new java.util.ArrayList<>();
        for (String server : DEMO_PRODUCTION_SERVERS) {
            contractor.add(new AgentEvent("demo-snapshot-" + server + "-" + day, "snapshot", Map.of("server", server,
                    "occurredAt", snapshotAt.toString(), "snapshotId", "snap-" + server.toLowerCase(java.util.Locale.ROOT) + "-" + day.getEpochSecond())));
            contractor.add(new AgentEvent("demo-backup-" + server + "-" + slot, "backup", Map.of("server", server,
                    "occurredAt", slot.toString(), "tool", "restic", "bytes", "45097156608",
                    "archiveId", "restic-" + server.toLowerCase(java.util.Locale.ROOT) + "-" + slot.getEpochSecond(),
                    "verified", "true", "targetDataCentre", BACKUP_SITE)));
        }
        post(ContractsDemoData.DEMO_REPORTER_TOKEN, contractor);
        post(ContractsDemoData.DEMO_MONITORING_TOKEN, List.of(new AgentEvent("demo-update-" + day, "software_update",
                Map.of("occurredAt", snapshotAt.plus(10, ChronoUnit.MINUTES).toString(), "packages", "openssl libssl3"))));
    }

    /** The demo's R6 evidence: off with {@code gestan.demo.backups=false} (tests record their own). */
    private static boolean evidenceEnabled() {
        return !"false".equals(System.getProperty("gestan.demo.backups"));
    }

    /** SHA-256 of the demo server's rule set (agent/fixtures/nft-ruleset.txt). */
    static final String DEMO_RULE_SET = "a58567d378fd5f5d40a7cb594ca5aec9c83604a5657e84ef3daa7c1252868dda";

    private void post(String token, List<AgentEvent> events) {
        try {
            agentEvents.receive(token, events);
        } catch (AgentEventRejectedException e) {
            LOG.warning(() -> "Demo agent: events refused (" + e.getMessage() + ")");
        }
    }

    private static boolean enabled() {
        return DemoMode.enabled() && !"false".equals(System.getProperty("gestan.demo.agent"));
    }
}

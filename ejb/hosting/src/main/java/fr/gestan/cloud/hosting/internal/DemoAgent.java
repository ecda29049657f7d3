package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
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
import java.util.logging.Logger;

/**
 * Demo mode only: plays GC-PROD-01's agent, which in production posts its metrics every few minutes. It goes
 * through the same door as a real agent (the agent API with the server's demo token), so the demo's status page shows
 * a monitored server that reports, rather than one gone silent ("no data") a few minutes after start. Off when
 * {@code gestan.demo.agent=false}.
 */
@Startup
@Singleton
@PermitAll
public class DemoAgent {

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
    void firstRun() {
        report();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "demo-agent")
    void everyFiveMinutes() {
        if (enabled()) {
            report();
        }
    }

    void report() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // The id is the minute: a retry in the same minute is a duplicate, as with a real agent.
        AgentEvent metrics = new AgentEvent("demo-metrics-" + now, "metrics", Map.of("occurredAt", now.toString(),
                "cpuPercent", "23.5", "diskPercent", "41", "memoryPercent", "62"));
        try {
            agentEvents.receive(ContractsDemoData.DEMO_MONITORING_TOKEN, List.of(metrics));
        } catch (AgentEventRejectedException e) {
            LOG.warning(() -> "Demo agent: metrics refused (" + e.getMessage() + ")");
        }
    }

    private static boolean enabled() {
        return DemoMode.enabled() && !"false".equals(System.getProperty("gestan.demo.agent"));
    }
}

package fr.gestan.cloud.security.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs the journal's chain head at regular checkpoints: every {@value #DEFAULT_SECONDS} seconds by default
 * (system property {@value #PROPERTY}), when the head moved. Every node runs it; the head lock makes the extra
 * runs no-ops.
 */
@Startup
@Singleton
@DependsOn("SecuritySchema")
public class JournalCheckpointTimer {

    static final String PROPERTY = "gestan.journal.checkpoint-seconds";
    static final int DEFAULT_SECONDS = 300;

    private static final Logger LOG = Logger.getLogger(JournalCheckpointTimer.class.getName());

    @Resource
    TimerService timers;

    @EJB
    JournalCheckpoints checkpoints;

    @PostConstruct
    void schedule() {
        long seconds = Math.max(5, Long.getLong(PROPERTY, DEFAULT_SECONDS));
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("journal-checkpoint", false));
    }

    @Timeout
    void checkpoint() {
        try {
            checkpoints.create();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sign a journal checkpoint; the next run retries", e);
        }
    }
}

package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import fr.gestan.cloud.common.lease.OnEveryNode;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the staff reminders every {@value #MINUTES_PROPERTY} minutes (default 15; 0 turns them off) on every node: a
 * reminder is sent once however many nodes run ({@link StaffReminderRun}). Runs as support to read the agreements,
 * the inventory and the servers' status.
 */
@Startup
@Singleton
@DependsOn("NotificationsSchema")
@RunAs(Roles.SUPPORT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaffReminders {

    static final String MINUTES_PROPERTY = "gestan.notifications.reminders-minutes";
    private static final Logger LOG = Logger.getLogger(StaffReminders.class.getName());

    @Resource
    TimerService timers;
    @EJB
    StaffReminderRun run;

    @PostConstruct
    void start() {
        long minutes = Long.getLong(MINUTES_PROPERTY, 15);
        if (minutes > 0) {
            // the first pass a minute after start, not during the deployment
            timers.createIntervalTimer(60_000, minutes * 60_000, new TimerConfig("staff-reminders", false));
        }
    }

    @Timeout
    @OnEveryNode(why = "a reminder is one row with a unique key: a second node writing the same one rolls back, so each is sent once")
    void remind() {
        try {
            int sent = run.run();
            if (sent > 0) {
                LOG.info(() -> sent + " staff reminder(s) written to the outbox");
            }
        } catch (RuntimeException e) {
            // two nodes writing the same reminder: one of them rolls back; the next pass is another chance
            LOG.log(Level.INFO, "Staff reminders not written this time: " + e);
        }
    }
}

package fr.gestan.cloud.security.internal;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 15 s on every node: verification runs whose server stopped are marked interrupted (see the store). */
@Singleton
@DependsOn("SecuritySchema") // its timer must not run before the table exists
public class VerificationRunSweep {

    private static final Logger LOG = Logger.getLogger(VerificationRunSweep.class.getName());

    @EJB
    VerificationRunStore runs;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "journal-verification-sweep")
    void sweepInterrupted() {
        try {
            runs.sweep();
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Could not sweep interrupted journal verifications; the next run retries", e);
        }
    }
}

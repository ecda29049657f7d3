package fr.gestan.cloud.common.journal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import java.time.Clock;

/**
 * What a service whose actions are journaled holds, injected once here rather than in each bean: the journal, its
 * caller (whose name is the actor of what it records) and the clock. Each module's base adds its persistence unit.
 */
public abstract class JournaledService {

    @EJB
    protected AccessJournal journal;
    @Resource
    protected SessionContext caller;
    /** UTC; a test may pin it. */
    protected Clock clock = Clock.systemUTC();

    /** The signed-in caller's name: the actor recorded with what the service changes. */
    protected String actor() {
        return caller.getCallerPrincipal().getName();
    }
}

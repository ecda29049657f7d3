package fr.gestan.cloud.web.progress;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs long work off the request thread, on the server's managed executor (the caller's security identity is
 * propagated, so the EJBs it calls check the same roles), and reports its {@link Progress}. See docs/web.md.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    /** The work: advance the progress as it goes; an exception marks it failed. */
    @FunctionalInterface
    public interface Work {
        void run(Progress progress) throws Exception;
    }

    @Resource
    ManagedExecutorService executor;

    /** Starts {@code work} now and returns its progress at once. */
    public Progress start(String name, Work work) {
        Progress progress = new Progress();
        executor.submit(() -> {
            try {
                work.run(progress);
                progress.succeed();
            } catch (Exception | Error e) {
                progress.fail();
                LOG.log(Level.WARNING, "Background work failed: " + name, e);
            }
        });
        return progress;
    }
}

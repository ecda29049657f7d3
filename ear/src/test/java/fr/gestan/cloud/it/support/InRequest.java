package fr.gestan.cloud.it.support;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A view in a request of its own, as a page view or an API call has: Arquillian runs the whole test method in one
 * request, whose request-scoped memos (the caller's company) would make every view after the first look cheaper than
 * it is. A new thread, with a request context started for it (SqlPerPageIT, ClientPageReadsIT).
 */
public final class InRequest {

    private InRequest() {
    }

    /** The test's web module as a bean archive, with this class: what {@link #call} needs. */
    public static EnterpriseArchive enable(EnterpriseArchive ear) {
        ear.getAsType(WebArchive.class, "it.war").addClass(InRequest.class).addAsWebInfResource(new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
        return ear;
    }

    /** Runs {@code view} on a new thread in a new request context; its result, or its exception. */
    public static <T> T call(Call<T> view) throws Exception {
        RequestContextController requests = CDI.current().select(RequestContextController.class).get();
        FutureTask<T> task = new FutureTask<>(() -> {
            boolean started = requests.activate();
            try {
                return view.call();
            } finally {
                if (started) {
                    requests.deactivate();
                }
            }
        });
        Thread thread = new Thread(task, "view in a request of its own");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}

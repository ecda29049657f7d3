package fr.gestan.cloud.it.env;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.as.arquillian.container.managed.ManagedDeployableContainer;

/**
 * Arquillian extension (registered in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}): the
 * test server's container is a {@link KeepingContainer}, which leaves a class's deployment in place after the class and
 * does not deploy it again for the next class when that class deploys exactly the same archive. The browser journeys
 * all deploy the same EAR ({@code fr.gestan.cloud.it.browser.JourneyEar}): deployed once instead of once per class.
 * {@code -Dgestan.it.fresh-deployments=true} deploys every class afresh, as before.
 */
public final class KeptDeployments implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, ManagedDeployableContainer.class, KeepingContainer.class);
    }
}

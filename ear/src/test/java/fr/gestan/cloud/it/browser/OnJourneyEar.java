package fr.gestan.cloud.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Base of the classes of this package that run against {@link JourneyEar}: the one {@code @Deployment}, which
 * Arquillian also finds on a superclass. A subclass that is not an Arquillian test (no {@code ArquillianExtension}:
 * {@code ClusterFailoverIT}) never calls it.
 */
abstract class OnJourneyEar {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return JourneyEar.deployment();
    }
}

package fr.gestan.cloud.it.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.as.arquillian.container.managed.ManagedContainerConfiguration;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** What the kept deployment asks of the server, class after class, over a container that records it. */
class KeepingContainerTest {

    /** Records deployments and undeployments by archive name. */
    static final class Recording implements DeployableContainer<ManagedContainerConfiguration> {
        final List<String> calls = new ArrayList<>();

        @Override
        public Class<ManagedContainerConfiguration> getConfigurationClass() {
            return ManagedContainerConfiguration.class;
        }

        @Override
        public ProtocolDescription getDefaultProtocol() {
            return new ProtocolDescription("Servlet 6.0");
        }

        @Override
        public ProtocolMetaData deploy(Archive<?> archive) {
            calls.add("deploy " + archive.getName());
            return new ProtocolMetaData();
        }

        @Override
        public void undeploy(Archive<?> archive) {
            calls.add("undeploy " + archive.getName());
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }

    /** A new archive object each time, as each class's @Deployment method builds one. */
    private static EnterpriseArchive ear(String name, String page) {
        WebArchive web = ShrinkWrap.create(WebArchive.class, "web.war").addAsWebResource(new StringAsset(page), "index.html");
        return ShrinkWrap.create(EnterpriseArchive.class, name).addAsModule(web);
    }

    @Test
    void classes_deploying_the_same_archive_share_one_deployment_until_another_archive_or_the_end() throws Exception {
        Recording server = new Recording();
        KeepingContainer container = new KeepingContainer(server);

        EnterpriseArchive first = ear("gestan.ear", "<p>journeys</p>");
        ProtocolMetaData deployed = container.deploy(first);
        container.undeploy(first);
        // the next two classes build the same archive again (other objects, the same bytes): nothing to do
        for (int i = 0; i < 2; i++) {
            EnterpriseArchive again = ear("gestan.ear", "<p>journeys</p>");
            assertSame(deployed, container.deploy(again), "the deployment in place, as the first class had it");
            container.undeploy(again);
        }
        assertEquals(List.of("deploy gestan.ear"), server.calls, "deployed once, still in place after the third class");

        // the same name with other bytes, then another archive: the kept one goes first
        EnterpriseArchive changed = ear("gestan.ear", "<p>journeys, changed</p>");
        container.deploy(changed);
        container.undeploy(changed);
        EnterpriseArchive module = ear("tenants-it.ear", "<p>module</p>");
        container.deploy(module);
        container.undeploy(module);
        container.stop();
        assertEquals(List.of("deploy gestan.ear", "undeploy gestan.ear", "deploy gestan.ear", "undeploy gestan.ear",
                "deploy tenants-it.ear", "undeploy tenants-it.ear", "stop"), server.calls);
    }
}

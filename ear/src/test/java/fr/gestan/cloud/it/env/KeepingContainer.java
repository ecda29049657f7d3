package fr.gestan.cloud.it.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.spi.client.container.ConfigurationMapper;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Injector;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.as.arquillian.container.managed.ManagedContainerConfiguration;
import org.jboss.as.arquillian.container.managed.ManagedDeployableContainer;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * WildFly's managed container ({@link ManagedDeployableContainer}, which it drives for everything) that keeps the last
 * deployment: a class's undeployment is put off until another archive is deployed or the server stops, and a class
 * that deploys an archive identical to the one in place (same name, same entries, same bytes) uses it as it is. Each
 * class still gets its archive as it asked; only the undeploy-then-deploy of the same bytes (20 to 40 s for the whole
 * EAR on two loaded cores) is saved. The database, Keycloak and the mail catcher were already shared by the suite.
 */
public final class KeepingContainer implements DeployableContainer<ManagedContainerConfiguration> {

    static final boolean FRESH_DEPLOYMENTS = Boolean.getBoolean("gestan.it.fresh-deployments");

    private final DeployableContainer<ManagedContainerConfiguration> server;
    @Inject
    private Instance<Injector> injector;
    private boolean injected;

    private Archive<?> kept;
    private String keptPrint;
    private ProtocolMetaData keptMetaData;
    private int reused;

    public KeepingContainer() {
        this(new ManagedDeployableContainer());
    }

    /** Over another container (KeepingContainerTest's, which records what it is asked). */
    KeepingContainer(DeployableContainer<ManagedContainerConfiguration> server) {
        this.server = server;
    }

    @Override
    public Class<ManagedContainerConfiguration> getConfigurationClass() {
        return server.getConfigurationClass();
    }

    @Override
    public ConfigurationMapper<ManagedContainerConfiguration> getConfigurationMapper() {
        return server.getConfigurationMapper();
    }

    @Override
    public void setup(ManagedContainerConfiguration configuration) {
        serverInjected().setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        serverInjected().start();
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            release();
        } catch (DeploymentException e) {
            System.out.println("[gestan-it] could not undeploy " + kept.getName() + " before stopping: " + e);
        } finally {
            if (reused > 0) {
                System.out.printf("[gestan-it] deployments kept for the next class: %d (not deployed again)%n", reused);
            }
            server.stop();
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return server.getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String print = FRESH_DEPLOYMENTS ? null : fingerprint(archive);
        if (kept != null && print != null && print.equals(keptPrint)) {
            reused++;
            kept = archive; // the one this class will undeploy at its end
            System.out.printf("[gestan-it] %s is deployed already (the same archive): kept%n", archive.getName());
            return keptMetaData;
        }
        release();
        ProtocolMetaData metaData = server.deploy(archive);
        kept = archive;
        keptPrint = print;
        keptMetaData = metaData;
        return metaData;
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (archive == kept && !FRESH_DEPLOYMENTS) {
            return; // until the next class's archive differs, or the server stops
        }
        if (archive == kept) {
            kept = null;
        }
        server.undeploy(archive);
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        server.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        server.undeploy(descriptor);
    }

    private void release() throws DeploymentException {
        if (kept != null) {
            Archive<?> leaving = kept;
            kept = null;
            keptPrint = null;
            keptMetaData = null;
            server.undeploy(leaving);
        }
    }

    /** Arquillian injects the services it created; the server it drives is ours, so it is injected here. */
    private DeployableContainer<ManagedContainerConfiguration> serverInjected() {
        if (!injected) {
            injector.get().inject(server);
            injected = true;
        }
        return server;
    }

    /** The archive's name and a SHA-256 over its entries' paths and bytes, nested archives entry by entry. */
    static String fingerprint(Archive<?> archive) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(archive, sha);
            return archive.getName() + " " + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(Archive<?> archive, MessageDigest sha) {
        Map<String, Node> entries = new TreeMap<>();
        archive.getContent().forEach((path, node) -> entries.put(path.get(), node));
        OutputStream into = new OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
            }
        };
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            sha.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            Asset asset = entry.getValue().getAsset();
            if (asset == null) {
                sha.update((byte) '/');
            } else if (asset instanceof ArchiveAsset nested) {
                sha.update((byte) '{');
                digest(nested.getArchive(), sha);
                sha.update((byte) '}');
            } else {
                sha.update((byte) '=');
                try (InputStream in = asset.openStream()) {
                    in.transferTo(into);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + entry.getKey() + " of " + archive.getName(), e);
                }
            }
        }
    }
}

package fr.gestan.cloud.common;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This server's name in a cluster: system property {@value #PROPERTY}, or else the host name ({@code jboss.host.name})
 * and the port offset ({@code host+offset}), unique on a host because two servers cannot share an offset's ports. Stable across restarts,
 * so a restarted node renews the leases it held at once instead of waiting for them to expire; it names the node in
 * the logs and, outside production, in a response header. Two servers must never be given the same name.
 */
public final class NodeName {

    public static final String PROPERTY = "gestan.node";

    private static final String NAME = resolve();

    private NodeName() {
    }

    public static String current() {
        return NAME;
    }

    static String resolve() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        // WildFly's own host name first: the log lines' default (server.cli) is built from the same two properties.
        String host = System.getProperty("jboss.host.name");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host + "+" + System.getProperty("jboss.socket.binding.port-offset", "0");
    }
}

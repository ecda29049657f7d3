package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the server's transport configuration from WildFly's management model, through JMX (the {@code jmx}
 * subsystem exposes the resolved model in the platform MBean server): the Undertow HTTPS listener, the port it is
 * bound to and the protocols its SSL context accepts. What cannot be read stays unknown, never assumed.
 */
final class RunningTransportReader {

    /** The Undertow HTTPS listeners' names in the management model. */
    static final String HTTPS_LISTENERS = "jboss.as:subsystem=undertow,server=*,https-listener=*";
    /** The management model's root: its {@code serverState} is "starting" until the server's boot is over. */
    static final String SERVER_ROOT = "jboss.as:management-root=server";
    private static final Logger LOG = Logger.getLogger(RunningTransportReader.class.getName());

    private RunningTransportReader() {
    }

    /**
     * Whether the server is still booting (its root says "starting"): its subsystems' resources then answer "not
     * found", and WildFly logs every such read as an ERROR (WFLYCTL0013), so they are not read until it is over.
     * False when the root cannot be read (the model as before: read and see).
     */
    static boolean booting(MBeanServer server) {
        try {
            return "starting".equalsIgnoreCase(String.valueOf(server.getAttribute(new ObjectName(SERVER_ROOT), "serverState")));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** What is known before the listener can be read: nothing about it. */
    static RunningTransport unread(boolean httpsOnly, String hsts) {
        return new RunningTransport(httpsOnly, null, null, List.of(), hsts);
    }

    static RunningTransport read(boolean httpsOnly, String hsts) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.queryNames(new ObjectName("jboss.as:subsystem=undertow"), null).isEmpty()) {
                LOG.warning("The management model is not exposed through JMX: the HTTPS listener is not read");
                return unread(httpsOnly, hsts);
            }
            Set<ObjectName> listeners = server.queryNames(new ObjectName(HTTPS_LISTENERS), null);
            if (listeners.isEmpty()) {
                return new RunningTransport(httpsOnly, false, null, List.of(), hsts);
            }
            ObjectName listener = listeners.iterator().next();
            String binding = (String) server.getAttribute(listener, "socketBinding");
            Integer port = port(server, binding);
            List<String> protocols = protocols(server, (String) server.getAttribute(listener, "sslContext"), address(server, binding), port);
            return new RunningTransport(httpsOnly, true, port, protocols, hsts);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "The HTTPS listener could not be read from the management model: " + e);
            return unread(httpsOnly, hsts);
        }
    }

    /**
     * The HTTPS listener's address on this node (its bound address, or loopback for the wildcard) and port, for a
     * request of the server to itself ({@link StartWarmUp}); null when the management model does not say.
     */
    static InetSocketAddress httpsAddress() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (booting(server)) {
            return null;
        }
        try {
            Set<ObjectName> listeners = server.queryNames(new ObjectName(HTTPS_LISTENERS), null);
            if (listeners.isEmpty()) {
                return null;
            }
            String binding = (String) server.getAttribute(listeners.iterator().next(), "socketBinding");
            Integer port = port(server, binding);
            return port == null ? null : InetSocketAddress.createUnresolved(address(server, binding), port);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "HTTPS listener not read", e);
            return null;
        }
    }

    private static Integer port(MBeanServer server, String binding) {
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName("jboss.as:socket-binding-group=*,socket-binding="
                    + ObjectName.quote(binding).replace("\"", "")), null);
            if (names.isEmpty()) {
                return null;
            }
            ObjectName name = names.iterator().next();
            Object bound = server.getAttribute(name, "boundPort");
            if (bound instanceof Number n) {
                return n.intValue();
            }
            Object configured = server.getAttribute(name, "port");
            Object offset = server.getAttribute(new ObjectName("jboss.as:socket-binding-group=" + name.getKeyProperty("socket-binding-group")), "portOffset");
            return configured instanceof Number p ? p.intValue() + (offset instanceof Number o ? o.intValue() : 0) : null;
        } catch (Exception e) {
            LOG.log(Level.FINE, "HTTPS port not read", e);
            return null;
        }
    }

    /**
     * The TLS protocols the HTTPS listener accepts: what the running listener actually negotiates, probed by one TLS
     * handshake per protocol on its own port; when no handshake succeeds, its SSL context's {@code protocols}
     * attribute if set. Not the JVM's default engine's protocols: Elytron narrows them (the JDK enables TLS 1.3,
     * WildFly 39's default context refuses it). Sorted, e.g. {@code [TLSv1.2]}; empty: not read.
     */
    static List<String> protocols(MBeanServer server, String sslContext, String host, Integer port) {
        List<String> probed = port == null ? List.of() : TlsProbe.accepted(host, port);
        return probed.isEmpty() ? configured(server, sslContext) : probed;
    }

    /** The SSL context's configured protocols; empty when unset or not readable (each attribute read on its own). */
    private static List<String> configured(MBeanServer server, String sslContext) {
        if (sslContext == null) {
            return List.of();
        }
        for (String type : List.of("server-ssl-context", "ssl-context")) {
            for (String attribute : List.of("activeProtocols", "protocols")) {
                try {
                    Object value = server.getAttribute(new ObjectName("jboss.as:subsystem=elytron," + type + "=" + sslContext), attribute);
                    List<String> list = value instanceof String[] a ? Arrays.asList(a)
                            : value instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
                    if (!list.isEmpty()) {
                        return list.stream().sorted().distinct().toList();
                    }
                } catch (Exception e) {
                    LOG.log(Level.FINE, "TLS protocols not read from " + type + " " + attribute, e);
                }
            }
        }
        return List.of();
    }

    /** The address the socket binding is bound to, or the loopback address when it cannot be read or is the wildcard. */
    private static String address(MBeanServer server, String binding) {
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName("jboss.as:socket-binding-group=*,socket-binding="
                    + ObjectName.quote(binding).replace("\"", "")), null);
            Object bound = names.isEmpty() ? null : server.getAttribute(names.iterator().next(), "boundAddress");
            String address = bound == null ? null : bound.toString().replaceFirst("^.*/", "");
            return address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }
}

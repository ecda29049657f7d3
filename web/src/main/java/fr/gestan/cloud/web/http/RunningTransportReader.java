package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.lang.management.ManagementFactory;
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

    private static final Logger LOG = Logger.getLogger(RunningTransportReader.class.getName());

    private RunningTransportReader() {
    }

    static RunningTransport read(boolean httpsOnly, String hsts) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.queryNames(new ObjectName("jboss.as:subsystem=undertow"), null).isEmpty()) {
                LOG.warning("The management model is not exposed through JMX: the HTTPS listener is not read");
                return new RunningTransport(httpsOnly, null, null, List.of(), hsts);
            }
            Set<ObjectName> listeners = server.queryNames(new ObjectName("jboss.as:subsystem=undertow,server=*,https-listener=*"), null);
            if (listeners.isEmpty()) {
                return new RunningTransport(httpsOnly, false, null, List.of(), hsts);
            }
            ObjectName listener = listeners.iterator().next();
            Integer port = port(server, (String) server.getAttribute(listener, "socketBinding"));
            List<String> protocols = protocols(server, (String) server.getAttribute(listener, "sslContext"));
            return new RunningTransport(httpsOnly, true, port, protocols, hsts);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "The HTTPS listener could not be read from the management model: " + e);
            return new RunningTransport(httpsOnly, null, null, List.of(), hsts);
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

    private static List<String> protocols(MBeanServer server, String sslContext) {
        if (sslContext == null) {
            return List.of();
        }
        try {
            ObjectName context = new ObjectName("jboss.as:subsystem=elytron,server-ssl-context=" + sslContext);
            Object active = server.getAttribute(context, "activeProtocols");
            if (active == null) {
                active = server.getAttribute(context, "protocols");
            }
            return active instanceof String[] a ? Arrays.stream(a).sorted().toList()
                    : active instanceof List<?> l ? l.stream().map(Object::toString).sorted().toList() : List.of();
        } catch (Exception e) {
            LOG.log(Level.FINE, "TLS protocols not read", e);
            return List.of();
        }
    }
}

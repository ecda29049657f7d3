package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class TlsCheckTest {

    static final String LISTENER = "jboss.as:subsystem=undertow,server=default-server,https-listener=https";

    /** One attribute read, as WildFly's JMX facade answers it. */
    @FunctionalInterface
    interface AttributeReader {
        Object read(String attribute) throws AttributeNotFoundException;
    }

    /** A read-only MBean whose attributes {@code reader} gives. */
    record ReadOnlyMBean(AttributeReader reader) implements DynamicMBean {

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            return reader.read(attribute);
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            return new AttributeList();
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(getClass().getName(), "test", null, null, null, null);
        }
    }

    /** An HTTPS listener as WildFly's JMX facade shows it while the server boots: listed, but "not found" when read. */
    static final class BootingListener {
        volatile boolean booted;
        final AtomicInteger reads = new AtomicInteger();

        ReadOnlyMBean mbean() {
            return new ReadOnlyMBean(attribute -> {
                reads.incrementAndGet();
                if (!booted) {
                    throw new AttributeNotFoundException("WFLYCTL0216: Management resource subsystem=undertow not found");
                }
                return "https";
            });
        }
    }

    @Test
    void the_listener_is_read_again_once_the_model_answers_after_the_boot() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        assertFalse(TlsCheck.awaitModel(server, 5), "no listener in the model: nothing to wait for");
        BootingListener listener = new BootingListener();
        server.registerMBean(listener.mbean(), new ObjectName(LISTENER));
        assertFalse(TlsCheck.awaitModel(server, 1), "still booting");
        Thread boot = new Thread(() -> {
            try {
                Thread.sleep(1_200);
            } catch (InterruptedException e) {
                return;
            }
            listener.booted = true;
        });
        boot.start();
        assertTrue(TlsCheck.awaitModel(server, 10), "answers once the boot is over");
        boot.join();
    }

    @Test
    void while_the_server_says_it_boots_the_listener_is_not_read() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        String[] state = {"starting"};
        server.registerMBean(new ReadOnlyMBean(attribute -> {
            if (!attribute.equals("serverState")) {
                throw new AttributeNotFoundException(attribute);
            }
            return state[0];
        }), new ObjectName(RunningTransportReader.SERVER_ROOT));
        BootingListener listener = new BootingListener();
        listener.booted = true;
        server.registerMBean(listener.mbean(), new ObjectName(LISTENER));

        assertTrue(RunningTransportReader.booting(server));
        assertFalse(TlsCheck.awaitModel(server, 1), "still booting");
        assertEquals(0, listener.reads.get(), "not read while the server boots: WildFly logs each such read as an ERROR");

        state[0] = "running";
        assertFalse(RunningTransportReader.booting(server));
        assertTrue(TlsCheck.awaitModel(server, 1));
        assertEquals(1, listener.reads.get());
    }
}

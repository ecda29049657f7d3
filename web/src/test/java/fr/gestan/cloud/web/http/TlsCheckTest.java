package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** An HTTPS listener as WildFly's JMX facade shows it while the server boots: listed, but "not found" when read. */
    static final class BootingListener implements DynamicMBean {
        volatile boolean booted;

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            if (!booted) {
                throw new AttributeNotFoundException("WFLYCTL0216: Management resource subsystem=undertow not found");
            }
            return "https";
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
            return new MBeanInfo(getClass().getName(), "listener", null, null, null, null);
        }
    }

    @Test
    void the_listener_is_read_again_once_the_model_answers_after_the_boot() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        assertFalse(TlsCheck.awaitModel(server, 5), "no listener in the model: nothing to wait for");
        BootingListener listener = new BootingListener();
        server.registerMBean(listener, new ObjectName("jboss.as:subsystem=undertow,server=default-server,https-listener=https"));
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
}

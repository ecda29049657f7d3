package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node is named by gestan.node, or else by WildFly's host name and its port offset. */
class NodeNameTest {

    private static final String[] PROPERTIES = {NodeName.PROPERTY, "jboss.host.name", "jboss.socket.binding.port-offset"};
    private final String[] saved = new String[PROPERTIES.length];

    {
        for (int i = 0; i < PROPERTIES.length; i++) {
            saved[i] = System.getProperty(PROPERTIES[i]);
        }
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < PROPERTIES.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(PROPERTIES[i]);
            } else {
                System.setProperty(PROPERTIES[i], saved[i]);
            }
        }
    }

    @Test
    void the_configured_name_wins() {
        System.setProperty(NodeName.PROPERTY, " node-a ");
        System.setProperty("jboss.host.name", "app1");
        assertEquals("node-a", NodeName.resolve());
    }

    @Test
    void by_default_the_host_and_the_port_offset() {
        System.clearProperty(NodeName.PROPERTY);
        System.setProperty("jboss.host.name", "app1");
        System.setProperty("jboss.socket.binding.port-offset", "100");
        assertEquals("app1+100", NodeName.resolve());
        System.clearProperty("jboss.socket.binding.port-offset");
        assertEquals("app1+0", NodeName.resolve(), "no offset: 0, as WildFly counts it");
    }
}

package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The node's name is shown in demo mode or when asked for, never in production by default. */
class NodeHeaderFilterTest {

    @Test
    void production_does_not_name_its_nodes_unless_asked() {
        assertFalse(NodeHeaderFilter.shown(null, false));
        assertFalse(NodeHeaderFilter.shown("", false));
        assertTrue(NodeHeaderFilter.shown("true", false), "a test cluster in production mode asks for it");
    }

    @Test
    void demo_mode_names_them_unless_turned_off() {
        assertTrue(NodeHeaderFilter.shown(null, true));
        assertFalse(NodeHeaderFilter.shown("false", true));
    }
}

package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Labels;
import org.junit.jupiter.api.Test;

/** The inventory's row: each cell's text made once, as the page's EL made it per cell before (performance.md 4.17). */
class InventoryRowTest {

    private final Labels labels = new Labels() {
        @Override
        public String of(Object value) {
            return "label of " + value;
        }
    };

    @Test
    void a_production_server_s_row_holds_its_cells_and_its_two_links() {
        InventoryRow row = InventoryRow.of(new ServerView(7, "GC-PROD-01", "PAR2", "Saint-Ouen", ServerRole.PRODUCTION,
                "8 vCPU", 40, 30, ServerState.DEGRADED_PERFORMANCE), labels);
        assertEquals(new InventoryRow(7, "GC-PROD-01", "PAR2 · Saint-Ouen", "label of PRODUCTION", "30 / 40", 75,
                "DEGRADED_PERFORMANCE", "label of DEGRADED_PERFORMANCE", "8 vCPU", "recovery.xhtml?server=7",
                "?server=7#metrics"), row);
    }

    @Test
    void a_backup_server_has_no_recovery_plan_link_and_a_full_bar_at_most() {
        InventoryRow row = InventoryRow.of(new ServerView(8, "GC-BKP-01", "DC3", "Vitry", ServerRole.BACKUP, "stockage", 10, 12,
                ServerState.OPERATIONAL), labels);
        assertNull(row.recovery());
        assertEquals("?server=8#metrics", row.metrics());
        assertEquals(100, row.loadPercent());
        assertEquals("12 / 10", row.load());
    }
}

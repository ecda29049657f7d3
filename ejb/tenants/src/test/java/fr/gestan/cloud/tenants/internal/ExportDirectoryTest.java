package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exports folder is a setting, so that every node of a cluster reads and writes the same (shared) folder. */
class ExportDirectoryTest {

    @AfterEach
    void clear() {
        System.clearProperty("gestan.exports.dir");
        System.clearProperty("jboss.server.data.dir");
    }

    @Test
    void by_default_the_exports_are_in_the_servers_own_data_folder() {
        System.setProperty("jboss.server.data.dir", "/srv/node1/data");
        assertEquals(Path.of("/srv/node1/data/gestan/exports"), ExportStore.directory());
    }

    @Test
    void two_nodes_with_their_own_data_folders_share_the_configured_exports_folder() {
        System.setProperty("gestan.exports.dir", "/mnt/shared/exports");
        System.setProperty("jboss.server.data.dir", "/srv/node1/data");
        Path seenByNode1 = ExportStore.directory();
        System.setProperty("jboss.server.data.dir", "/srv/node2/data");
        assertEquals(seenByNode1, ExportStore.directory());
        assertEquals(Path.of("/mnt/shared/exports"), seenByNode1);
    }
}

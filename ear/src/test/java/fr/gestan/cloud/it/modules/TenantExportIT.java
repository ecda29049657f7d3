package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export gathers every module's contributor at run time, across the EJB jars of the EAR (the hosting module's,
 * a test module's), and fails cleanly when one of them fails.
 */
@ExtendWith(ArquillianExtension.class)
class TenantExportIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.modules(TenantExportIT.class, "gestan-tenants.jar", "gestan-hosting.jar");
        ear.addAsModule(ShrinkWrap.create(JavaArchive.class, "it-failing-export.jar").addClass(FailingExportContributor.class));
        return ear;
    }

    @EJB
    TenantService tenants;
    @EJB
    DataExports exports;
    @EJB
    JournalQuery journal;

    @Test
    void a_clients_export_holds_its_hosting_folder_every_file_matching_the_manifest_and_nothing_of_another_tenant() throws Exception {
        ExportView started = client.call(exports::startMine);
        // The start is journaled once, in the transaction that wrote the row (branch export4), by the client
        long startedId = started.id();
        List<JournalEntryView> starts = auditor.call(() -> journal.ofTenant("842317653", 0, 50)).stream()
                .filter(e -> e.action().equals("EXPORT_STARTED") && e.target().equals("export " + startedId)).toList();
        assertEquals(1, starts.size(), "one EXPORT_STARTED entry: " + starts);
        assertEquals("client.demo", starts.get(0).actor());
        assertEquals(ExportView.State.RUNNING, started.state(), "returned as created");
        ExportView done = await(client, started.id());
        assertTrue(done.ready(), "export finished: " + done);
        Map<String, byte[]> files = unzip(download(client, done.id()));
        checkManifest(files);
        for (String name : List.of("hosting/contracts.json", "hosting/contracts.csv", "hosting/contract-history.csv",
                "hosting/sites.json", "hosting/sites.csv", "hosting/servers.json", "hosting/servers.csv",
                "hosting/recovery.json", "hosting/recovery.csv")) {
            assertTrue(files.containsKey(name), name + " in " + files.keySet());
        }
        String contracts = text(files, "hosting/contracts.json");
        assertTrue(contracts.contains("\"tenantSiren\": \"842317653\""), contracts);
        assertTrue(contracts.contains("CREATED"), "the history is there: " + contracts);
        String hosting = files.entrySet().stream().filter(e -> e.getKey().startsWith("hosting/"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).reduce("", String::concat);
        for (String other : List.of("913572467", "528640196", "730195823")) {
            assertFalse(hosting.contains(other), "no other tenant's SIREN in the hosting folder: " + other);
        }
        assertTrue(text(files, "hosting/sites.csv").contains("DC3"), "production site");
        assertTrue(text(files, "hosting/sites.csv").contains("Scaleway SAS"), "operator");
        assertTrue(text(files, "hosting/recovery.csv").lines().count() >= 2, "estimated recovery of the active contract");
        assertFalse(files.keySet().stream().anyMatch(n -> n.startsWith("zz-failing/")), "an empty folder adds no file");
    }

    @Test
    void staff_export_of_another_company_uses_the_staff_recovery_figures() throws Exception {
        TenantView other = support.call(() -> tenants.bySiren("913572467"));
        ExportView done = await(support, support.call(() -> exports.start(other.id())).id());
        assertTrue(done.ready(), "export finished: " + done);
        Map<String, byte[]> files = unzip(download(support, done.id()));
        checkManifest(files);
        assertTrue(text(files, "hosting/contracts.json").contains("913572467"));
        assertFalse(text(files, "hosting/contracts.json").contains("842317653"));
        assertTrue(text(files, "hosting/recovery.csv").lines().count() >= 2, text(files, "hosting/recovery.csv"));
    }

    @Test
    void a_failing_contributor_fails_the_export_with_its_folder_named_and_leaves_no_file() throws Exception {
        String siren = Ids.siren();
        TenantRecord tenant = support.call(() -> tenants.create(Companies.minimal("Export Défaillant SAS", siren)));
        System.setProperty(FailingExportContributor.SIREN_PROPERTY, siren);
        // The data directory outlives the test database: files of earlier runs may carry the same export id.
        long since = System.currentTimeMillis() - 2000;
        try {
            ExportView done = await(support, support.call(() -> exports.start(tenant.id())).id());
            assertEquals(ExportView.State.FAILED, done.state(), done.toString());
            assertEquals("zz-failing", done.failedPart());
            assertNull(done.fileName());
            File dir = new File(System.getProperty("jboss.server.data.dir"), "gestan/exports");
            String[] left = dir.list((d, name) -> (name.startsWith(done.id() + ".") || name.startsWith(done.id() + "-"))
                    && new File(d, name).lastModified() >= since);
            assertEquals(0, left == null ? 0 : left.length, "no half file left: " + (left == null ? "" : String.join(",", left)));
        } finally {
            System.clearProperty(FailingExportContributor.SIREN_PROPERTY);
        }
    }

    private ExportView await(fr.gestan.cloud.it.support.RoleCaller who, long id) throws Exception {
        ExportView view = who.call(() -> exports.get(id));
        int lastPercent = -1;
        for (int i = 0; i < 240 && view.running(); i++) {
            assertTrue(view.percent() >= lastPercent, "progress never goes back");
            lastPercent = view.percent();
            Thread.sleep(250);
            view = who.call(() -> exports.get(id));
        }
        assertNotEquals(ExportView.State.RUNNING, view.state(), "finished in time");
        return view;
    }

    private byte[] download(fr.gestan.cloud.it.support.RoleCaller who, long id) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        who.call(() -> {
            exports.download(id, zip);
            return null;
        });
        return zip.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static void checkManifest(Map<String, byte[]> files) throws Exception {
        String manifest = new String(files.get("MANIFEST"), StandardCharsets.UTF_8);
        int listed = 0;
        for (String line : manifest.split("\n")) {
            String[] parts = line.split("  ", 2);
            assertTrue(files.containsKey(parts[1]), "listed file present: " + parts[1]);
            assertEquals(parts[0], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(parts[1]))), parts[1]);
            listed++;
        }
        assertEquals(files.size() - 1, listed, "every file but the manifest is listed");
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}

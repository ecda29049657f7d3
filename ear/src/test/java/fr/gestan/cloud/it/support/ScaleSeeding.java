package fr.gestan.cloud.it.support;

import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.NewDataCentre;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The offer at scale, seeded through the modules' APIs, for ScaleBenchmarkIT, PerfSeedIT and SqlPerPageIT: one
 * French operator, two certified data centres, pairs of production and backup servers (backups verified), and
 * compliant tenants (the tenant with its contact, a contract on a server pair, activated). Tenant {@code i} has
 * SIREN {@code Ids.siren(70_000_000 + i)} and the name {@code Société Échelle <i> SARL}.
 */
public abstract class ScaleSeeding extends WithRoleCallers {

    @EJB
    protected TenantService tenants;
    @EJB
    protected HostingInventory inventory;
    @EJB
    protected HostingContracts contracts;
    @EJB
    protected ServerControls controls;
    /** The modules' persistence units: their Hibernate statistics count the statements of what is measured at scale. */
    @PersistenceUnit(unitName = "tenants")
    protected EntityManagerFactory tenantsUnit;
    @PersistenceUnit(unitName = "hosting")
    protected EntityManagerFactory hostingUnit;
    /** The schema owner's connections (ANALYZE needs the tables' owner). */
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/GestanMigrationDS")
    protected javax.sql.DataSource owner;
    @PersistenceUnit(unitName = "compliance")
    protected EntityManagerFactory complianceUnit;
    @PersistenceUnit(unitName = "security")
    protected EntityManagerFactory securityUnit;

    /** A whole number from the environment variable {@code name} (the size of a seeded run), or {@code fallback}. */
    protected static int setting(String name, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(name, Integer.toString(fallback)));
    }

    /** {@code pairs} production servers and as many backup servers, each for {@code capacity} tenants. */
    protected List<ServerView[]> sites(int pairs, int capacity) throws Exception {
        String operator = "Hébergement Échelle SAS";
        admin.call(() -> inventory.addOperator(new NewOperator(operator, "SAS", "FR", null, null, BigDecimal.ZERO, BigDecimal.ZERO)));
        LocalDate expires = LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(2);
        admin.call(() -> inventory.addDataCentre(new NewDataCentre("SCALE-P", "Lyon", "FR", operator)));
        admin.call(() -> inventory.addDataCentre(new NewDataCentre("SCALE-B", "Rennes", "FR", operator)));
        admin.call(() -> inventory.addCertification("SCALE-P", "ISO/IEC 27001", "AFNOR Certification", expires));
        admin.call(() -> inventory.addCertification("SCALE-B", "ISO/IEC 27001", "AFNOR Certification", expires));
        List<ServerView[]> servers = new ArrayList<>();
        for (int s = 0; s < pairs; s++) {
            String suffix = String.format(pairs > 100 ? "%03d" : "%02d", s);
            ServerView p = admin.call(() -> inventory.addServer(new NewServer("SCALE-P-" + suffix, "SCALE-P", ServerRole.PRODUCTION, null, capacity)));
            ServerView b = admin.call(() -> inventory.addServer(new NewServer("SCALE-B-" + suffix, "SCALE-B", ServerRole.BACKUP, null, capacity)));
            support.call(() -> controls.recordBackup(p.name(), Instant.now().minusSeconds(3600), 5_000_000_000L, "SCALE-B", true));
            // and an update after its snapshot: without this evidence of ours a certificate is refused (compliance.md)
            support.call(() -> controls.recordSnapshot(p.name(), "scale-snap-" + suffix, Instant.now().minusSeconds(7200)));
            support.call(() -> controls.recordSoftwareUpdate(p.name(), "scale-snap-" + suffix, Instant.now().minusSeconds(7000), "openssl"));
            servers.add(new ServerView[] {p, b});
        }
        return servers;
    }

    /** Tenant {@code i} with its contact, and an active contract on the given pair; returns the tenant's id. */
    protected long tenant(int i, ServerView[] pair) throws Exception {
        String siren = siren(i);
        long id = support.call(() -> tenants.create(Companies.minimal(String.format("Société Échelle %05d SARL", i), siren))).id();
        ContractView c = support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null,
                true, ServiceLevel.STANDARD, pair[0].id(), pair[1].id(), 10)));
        support.call(() -> contracts.activate(c.id()));
        return id;
    }

    /**
     * The planner's statistics as a production server's would be after seeding this many tenants: where PostgreSQL's
     * autovacuum is off (this machine's CI configuration), the tables were never analyzed, and PostgreSQL planned the
     * queries on default estimates (sequential scans of the journal and the registry at every page:
     * docs/performance.md 4.43); then they are analyzed once here, as autovacuum would have done while seeding.
     * {@code GESTAN_BENCHMARK_ANALYZE=false}: never; nothing on another database (H2).
     */
    protected String analyzeWhereAutovacuumIsOff() throws java.sql.SQLException {
        try (java.sql.Connection c = owner.getConnection(); java.sql.Statement s = c.createStatement()) {
            if (!c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
                return "not PostgreSQL: nothing analyzed";
            }
            String autovacuum;
            try (java.sql.ResultSet rs = s.executeQuery("show autovacuum")) {
                rs.next();
                autovacuum = rs.getString(1);
            }
            if ("on".equals(autovacuum) || "false".equals(System.getenv("GESTAN_BENCHMARK_ANALYZE"))) {
                return "autovacuum " + autovacuum + ", tables not analyzed by the benchmark";
            }
            long t = System.nanoTime();
            s.execute("analyze");
            return "autovacuum " + autovacuum + " on this server: the schema's tables analyzed after seeding, as autovacuum would have, in "
                    + seconds(t) + " s";
        }
    }

    protected static String siren(int i) {
        return Ids.siren(70_000_000 + i);
    }

    protected static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    protected static void print(String line) {
        System.out.println("BENCHMARK " + line);
    }
}

package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.security.api.VerificationProgress;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeding command of the load harness, not a test of the suite (runs only with {@code GESTAN_SEED=true}): fills
 * an empty database (the one named by {@code GESTAN_TEST_DB_NAME}, kept with {@code GESTAN_TEST_DB_KEEP=true}) with
 * an offer at scale through the modules' own code, then checks that the journal verifies. Refused when the database
 * already holds tables (TestEnvironment, before anything deploys); the deployment adds its demo data (4 tenants). Sizes from the environment: {@code GESTAN_SEED_TENANTS} (10,000),
 * {@code GESTAN_SEED_PAIRS} (100 production and 100 backup servers), {@code GESTAN_SEED_CERTIFICATES} (10,000),
 * {@code GESTAN_SEED_JOURNAL} (1,000,000 entries), {@code GESTAN_SEED_SECONDS} (300: the certificates and the
 * journal's filling stop at their share of it, and the figures say how many were made). See docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "GESTAN_SEED", matches = "true")
class PerfSeedIT extends ScaleSeeding {

    /** Journal entries appended per transaction (the module's own append, as many in one transaction as a batch). */
    static final int JOURNAL_BATCH = 2000;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(PerfSeedIT.class, List.of(ScaleSeeding.class), "gestan-compliance.jar", "gestan-tenants.jar",
                "gestan-hosting.jar");
    }

    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    HostedAccounts accounts;
    @EJB
    Certificates certificates;
    @EJB
    AccessJournal journal;
    @EJB
    JournalIntegrity integrity;

    @Test
    void seed_an_offer_at_scale() throws Exception {
        int n = setting("GESTAN_SEED_TENANTS", 10_000);
        int pairs = setting("GESTAN_SEED_PAIRS", 100);
        int certificateTarget = setting("GESTAN_SEED_CERTIFICATES", 10_000);
        long journalTarget = setting("GESTAN_SEED_JOURNAL", 1_000_000);
        long budget = setting("GESTAN_SEED_SECONDS", 300) * 1_000_000_000L;

        // The database was empty (TestEnvironment refuses a kept one with tables): only the demo data of the deployment.
        long tenantsBefore = support.call(() -> tenants.count());
        assertTrue(admin.call(() -> inventory.servers()).stream().noneMatch(s -> s.name().startsWith("SCALE-")),
                "refused: the database was seeded already");

        long t0 = System.nanoTime();
        try {
            // support.it creates the hosted accounts: a registered support member with a valid agreement
            admin.call(() -> agreements.registerStaff(new NewStaffMember("support.it", "Support IT", "support")));
        } catch (StaffException alreadyRegistered) {
            // a previous run of the deployment registered it
        }
        SupportClearance.clearEverySupportMember(agreements, admin);
        List<ServerView[]> servers = sites(pairs, (n + pairs - 1) / pairs);
        print("seed: " + pairs + " production and " + pairs + " backup servers in " + seconds(t0) + " s");
        for (int i = 0; i < n; i++) {
            long id = tenant(i, servers.get(i % pairs));
            int k = i;
            support.call(() -> accounts.create(id, String.format("Compte comptable %05d", k)));
            if ((i + 1) % 1000 == 0) {
                print("seed: " + (i + 1) + " tenants in " + seconds(t0) + " s");
            }
        }
        double tenantsSeconds = seconds(t0);
        print("seed: " + n + " tenants (contact, hosted account, active contract) in " + tenantsSeconds + " s");

        // Certificates (evaluate, render, sign, store, journal each) until half of the time left.
        long t1 = System.nanoTime();
        long certificatesUntil = t1 + Math.max(0, budget - (t1 - t0)) / 2;
        int issued = 0;
        while (issued < Math.min(certificateTarget, n) && System.nanoTime() < certificatesUntil) {
            String siren = siren(issued);
            support.call(() -> certificates.issue(siren));
            issued++;
        }
        print("seed: " + issued + " certificates in " + seconds(t1) + " s");

        // Journal entries through the module's append, JOURNAL_BATCH per transaction, until the budget is spent.
        long t2 = System.nanoTime();
        long appended = 0;
        while (appended < journalTarget && System.nanoTime() - t0 < budget) {
            int batch = (int) Math.min(JOURNAL_BATCH, journalTarget - appended);
            long from = appended;
            support.call(() -> {
                for (int j = 0; j < batch; j++) {
                    long e = from + j;
                    journal.record(JournalEvent.success("TENANT_VIEWED", siren((int) (e % n)), "seed " + e));
                }
                return null;
            });
            appended += batch;
        }
        print("seed: " + appended + " journal entries in " + seconds(t2) + " s");
        double total = seconds(t0);
        print("seed: done in " + total + " s (goal 300 s)");

        long t3 = System.nanoTime();
        JournalVerifier.Result verified = auditor.call(() -> integrity.verify(new VerificationProgress()));
        print("seed: journal verification " + verified + " in " + seconds(t3) + " s");
        assertTrue(verified.ok(), verified::toString);
        assertEquals(tenantsBefore + n, support.call(() -> tenants.count()));
    }

    private static int setting(String name, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(name, Integer.toString(fallback)));
    }
}

package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.InRequest;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads every client page, or one, makes (docs/performance.md 4.40). The portal header's company name
 * ({@code TenantService.myCompanyName}): the name only, in one statement that builds no entity, and none when the
 * request already read the caller's company; a client sees its own company's name and no other; staff are refused; a
 * client linked to no company gets none, without marking the view's transaction for rollback. The client journal's
 * page past its end ({@code JournalQuery.pageOfTenantWithin}): the last page, in one statement.
 */
@ExtendWith(ArquillianExtension.class)
class ClientPageReadsIT extends WithRoleCallers {

    static final String OTHER_USER = "client.other.it";

    @Deployment
    static EnterpriseArchive deployment() {
        // a bean archive: each counted read runs in a request context of its own (InRequest)
        return InRequest.enable(Deployments.withHibernate(Deployments.modules(ClientPageReadsIT.class,
                List.of(AsOtherClient.class, AsUnlinkedClient.class), "gestan-tenants.jar")));
    }

    @EJB
    TenantService tenants;
    @EJB
    JournalQuery journal;
    @EJB
    AccessJournal writer;
    @EJB
    JournalIntegrity integrity;
    @EJB
    JournalProofs proofs;
    @PersistenceUnit(unitName = "security")
    EntityManagerFactory securityUnit;
    @EJB
    AsOtherClient other;
    @EJB
    AsUnlinkedClient unlinked;
    @PersistenceUnit(unitName = "tenants")
    EntityManagerFactory tenantsUnit;
    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;
    @Resource
    TransactionSynchronizationRegistry transactions;

    @Test
    void the_header_reads_the_name_in_one_statement_building_no_tenant_and_nothing_once_the_request_knows_the_company() throws Exception {
        assertEquals(1, counted(() -> client.call(tenants::myCompanyName))[0], "the name alone: one statement");
        assertEquals(0, counted(() -> client.call(tenants::myCompanyName))[1], "no entity built for a name");
        // the view's own call first (the dashboard's PortalHomeBean, the journal page's bean), then the header: one read
        assertEquals(1, counted(() -> {
            TenantView company = client.call(tenants::myCompany);
            assertEquals(Optional.of(company.legalName()), client.call(tenants::myCompanyName));
            return null;
        })[0]);
        // the header first (it is written before the content), then the view's call
        assertEquals(1, counted(() -> {
            Optional<String> name = client.call(tenants::myCompanyName);
            assertEquals(name.orElseThrow(), client.call(tenants::myCompany).legalName());
            return null;
        })[0]);
        assertEquals(Optional.of("Boulangerie Martin SARL"), InRequest.call(() -> client.call(tenants::myCompanyName)));
    }

    @Test
    void a_client_reads_its_own_company_s_name_only_and_staff_none() throws Exception {
        String siren = Ids.siren();
        TenantRecord created = support.call(() -> tenants.create(Companies.minimal("Menuiserie Autre " + siren, siren)));
        link(OTHER_USER, created.id());
        try {
            assertEquals(Optional.of("Menuiserie Autre " + siren), other.call(tenants::myCompanyName));
            assertEquals(siren, other.call(tenants::myCompany).siren());
            assertEquals(Optional.of("Boulangerie Martin SARL"), client.call(tenants::myCompanyName), "the demo's contact: its own");
            // renamed by staff in this very request: the header follows at once (the request's memo is voided by the write)
            support.call(() -> tenants.update(created.id(), created.version(), Companies.minimal("Menuiserie Renommée " + siren, siren)));
            assertEquals(Optional.of("Menuiserie Renommée " + siren), other.call(tenants::myCompanyName));
            assertEquals(Optional.of("Boulangerie Martin SARL"), client.call(tenants::myCompanyName));
        } finally {
            link(OTHER_USER, null);
        }
        assertEquals(Optional.empty(), InRequest.call(() -> other.call(tenants::myCompanyName)), "unlinked: no name");
        assertThrows(EJBAccessException.class, () -> support.call(tenants::myCompanyName));
        assertThrows(EJBAccessException.class, () -> admin.call(tenants::myCompanyName));
        assertThrows(EJBAccessException.class, () -> auditor.call(tenants::myCompanyName));
        assertThrows(EJBAccessException.class, () -> tenants.myCompanyName());
    }

    @Test
    void a_client_linked_to_no_company_has_no_name_and_the_view_s_transaction_stays_usable() throws Exception {
        // AsUnlinkedClient.call runs in a transaction of its own, as the client dashboard's view does (ViewTransaction)
        assertFalse(unlinked.call(() -> {
            assertEquals(Optional.empty(), tenants.myCompanyName());
            return transactions.getRollbackOnly();
        }), "the name's absence does not mark the view's transaction for rollback");
        java.util.concurrent.atomic.AtomicBoolean marked = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            unlinked.call(() -> {
                assertThrows(TenantNotFoundException.class, tenants::myCompany);
                marked.set(transactions.getRollbackOnly());
                return null;
            });
        } catch (jakarta.ejb.EJBTransactionRolledbackException e) {
            // the container may say so when the marked transaction ends
        }
        assertTrue(marked.get(), "myCompany's does (TenantNotFoundException rolls back): why the header does not call it");
    }

    @Test
    void the_journal_page_past_its_end_is_the_last_page_in_one_statement() throws Exception {
        String siren = Ids.siren();
        support.call(() -> {
            for (int i = 0; i < 30; i++) {
                writer.record(JournalEvent.success("TENANT_VIEWED", siren, "ClientPageReadsIT " + i));
            }
            return null;
        });
        assertEquals(30, auditor.call(() -> journal.countOfTenant(siren)));
        // the 30 sequenced first: the reads compared below, made one after the other, would otherwise differ by the
        // positions the sequencer gives meanwhile (a row without its position, then with it)
        admin.call(integrity::checkpointNow);
        // {asked, first read}: within the entries the row asked (a page's or not), past them the last page's first row
        for (int[] c : new int[][] {{0, 0}, {25, 25}, {26, 26}, {29, 29}, {30, 25}, {50, 25}, {75, 25}, {2_147_483_600, 25}}) {
            JournalPage page = auditor.call(() -> journal.pageOfTenantWithin(siren, c[0], 25));
            assertEquals(c[1], page.first(), "asked from " + c[0]);
            assertEquals(30, page.total(), "asked from " + c[0]);
            assertEquals(auditor.call(() -> journal.ofTenant(siren, c[1], 25)), page.rows(), "asked from " + c[0]);
            assertEquals(auditor.call(() -> journal.pageOfTenant(siren, c[1], 25)), page, "asked from " + c[0]);
        }
        assertEquals(new JournalPage(java.util.List.of(), 0, 0), auditor.call(() -> journal.pageOfTenantWithin(Ids.siren(), 50, 25)),
                "a tenant without entries: nothing, from 0");
        // past the end: one statement (pageOfTenant's three: the empty page, the count, the last page)
        Statistics statistics = securityUnit.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long before = statistics.getPrepareStatementCount();
            auditor.call(() -> journal.pageOfTenantWithin(siren, 100, 25));
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        assertEquals(1, fewest);
        // and the client's confinement: its own company's last page, never another's
        assertEquals(30, auditor.call(() -> journal.pageOfTenantWithin(siren, 0, 25)).total());
        EJBException refused = assertThrows(EJBException.class, () -> client.call(() -> journal.pageOfTenantWithin(siren, 100, 25)));
        assertTrue(refused instanceof EJBAccessException || refused.getCause() instanceof EJBAccessException, refused::toString);
        client.call(() -> journal.pageOfTenantWithin("842317653", 100_000, 25));
    }

    /**
     * The client journal page's view runs in one transaction (PortalViewTransaction, 4.47): its newest checkpoint and key
     * set are read on that transaction's connection, not on one of their own (a pool check each). Shown by a checkpoint
     * row written in the transaction and never committed, which only that connection sees; outside any transaction the
     * reads still work, on a connection of their own. The key set's newest verifier key, taken from its text by the
     * page, is the one JournalProofs.verifierKey reads.
     */
    @Test
    void the_journal_page_s_checkpoint_and_key_set_are_read_in_the_view_s_transaction() throws Exception {
        // a checkpoint the sequencer signs and commits meanwhile comes after the row: a few tries, each sees the row or a later one
        long[] seen = {0, -1};
        for (int attempt = 0; attempt < 5 && seen[0] != seen[1]; attempt++) {
            seen = client.call(() -> { // the view's transaction (client.call is REQUIRED, as ViewTransaction.run)
                long written;
                try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                        "insert into journal_log_checkpoint (tree_size, root_hash, created_at_us, note, pinned) values (0, ?, ?, ?, false)",
                        new String[] {"id"})) {
                    insert.setString(1, "00".repeat(32));
                    insert.setLong(2, System.currentTimeMillis() * 1000);
                    insert.setString(3, "ClientPageReadsIT\n0\nAAAA\n\n— ClientPageReadsIT AAAA");
                    insert.executeUpdate();
                    try (java.sql.ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        written = key.getLong(1);
                    }
                }
                long read = integrity.latestCheckpoint().map(CheckpointView::number).orElse(0L);
                transactions.setRollbackOnly(); // never committed
                return new long[] {written, read};
            });
            assertTrue(seen[1] >= seen[0], "a read on a connection of its own would not see the uncommitted row: " + seen[0] + " " + seen[1]);
        }
        assertEquals(seen[0], seen[1], "the checkpoint written in the transaction is the newest its read sees");
        long written = seen[0];
        assertNotEquals(written, client.call(() -> integrity.latestCheckpoint()).map(CheckpointView::number).orElse(0L),
                "rolled back: another transaction never sees it");
        String keys = client.call(() -> proofs.keySet());
        assertEquals(client.call(() -> proofs.verifierKey()), JournalVerifier.MerkleLog.KeySet.newestVerifierKey(keys));
    }

    /**
     * The company page's view in one transaction (4.47): the header's name, the record and the security contact read the
     * caller's link once and the tenant once (the record and the contact each queried it through the portal account).
     */
    @Test
    void the_company_page_reads_the_tenant_once_in_its_view_s_transaction() throws Exception {
        assertEquals(2, counted(() -> client.call(() -> {
            String name = tenants.myCompanyName().orElseThrow();
            TenantRecord record = tenants.myCompanyRecord();
            assertEquals(name, record.legalName());
            tenants.mySecurityContact();
            return null;
        }))[0], "the link, then the tenant");
    }

    /** Links (or, with null, unlinks) a portal username to a tenant, as an invitation does without Keycloak. */
    private void link(String username, Long tenantId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("delete from portal_account where username = ?")) {
                delete.setString(1, username);
                delete.executeUpdate();
            }
            if (tenantId != null) {
                try (PreparedStatement insert = c.prepareStatement("insert into portal_account (username, tenant_id) values (?, ?)")) {
                    insert.setString(1, username);
                    insert.setLong(2, tenantId);
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * The fewest statements prepared and tenant entities loaded by the tenants unit (any entity) over five runs of {@code view},
     * each in a request of its own (the caller's company is read once per request): other work of the server may
     * run meanwhile.
     */
    private long[] counted(Call<?> view) throws Exception {
        Statistics statistics = tenantsUnit.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        InRequest.call(view); // warm
        long[] fewest = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 5; run++) {
            long statements = statistics.getPrepareStatementCount();
            long loads = statistics.getEntityLoadCount();
            InRequest.call(view);
            fewest[0] = Math.min(fewest[0], statistics.getPrepareStatementCount() - statements);
            fewest[1] = Math.min(fewest[1], statistics.getEntityLoadCount() - loads);
        }
        return fewest;
    }

}
